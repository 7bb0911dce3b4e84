#!/usr/bin/env python3
"""Regenerates the retail sample data in config/mock-data/ (deterministic; standard library only).

Tables (qualified as main.retail.*): products, warehouses, inventory, customers, orders.
CSV and JSON Lines files, each with a NAME.schema.json sidecar. Includes NULLs and non-ASCII text.

Usage: python3 scripts/gen_mock_data.py [OUTDIR]
"""
import datetime
import json
import os
import random
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "config", "mock-data")
rng = random.Random(20240601)

CATEGORIES = {
    "KIT": ("kitchen", ["Chef's Knife", "Cast Iron Pan", "Espresso Cups", "Crème Brûlée Torch", "Salad Spinner", "Bread Tin"]),
    "GAR": ("garden", ["Pruning Shears", "Watering Can", "Raised Bed Kit", "Bird Feeder", "Garden Hose 25m"]),
    "OFF": ("office", ["Desk Lamp", "Notebook A5", "Fountain Pen", "Monitor Arm", "Paper Tray"]),
    "TOY": ("toys", ["Wooden Blocks", "Puzzle 1000pc", "Kite", "Jigsaw «Zürich»", "Toy Train"]),
    "OUT": ("outdoors", ["Tent 2P", "Sleeping Bag", "Headlamp", "Trekking Poles", "Camping Stove"]),
}
WAREHOUSES = [
    ("W-BER", "Berlin Hub", "Berlin", "DE", "2019-03-01"),
    ("W-ZRH", "Zürich Nord", "Zürich", "CH", "2020-06-15"),
    ("W-KRK", "Kraków Południe", "Kraków", "PL", "2021-01-10"),
    ("W-SAO", "São Paulo Leste", "São Paulo", "BR", "2021-09-30"),
    ("W-NYC", "New York 1", "New York", "US", "2018-11-05"),
    ("W-TYO", "東京 倉庫", "Tokyo", "JP", "2022-04-01"),
]
FIRST = ["Ada", "Grace", "Linus", "Zoë", "José", "Ørjan", "Anaïs", "Björn", "Chloé", "Mateus", "Hana", "Ravi", "Siobhán", "Jürgen", "Aiko"]
LAST = ["Lovelace", "Hopper", "Müller", "O'Brien", "Nowak", "Silva", "Tanaka", "García", "Dubois", "Kowalski", "Smith", "Ng"]
STATUSES = [("delivered", 55), ("shipped", 20), ("pending", 12), ("cancelled", 8), ("returned", 5)]
DAY0 = datetime.date(2024, 1, 1)


def write_schema(name, columns):
    with open(os.path.join(OUT, name + ".schema.json"), "w") as f:
        json.dump({"columns": [{"name": n, "type": t} for n, t in columns]}, f, indent=2, ensure_ascii=False)
        f.write("\n")


def csv_field(value):
    if value is None:
        return ""
    text = str(value)
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(name, columns, rows):
    write_schema(name, columns)
    with open(os.path.join(OUT, name + ".csv"), "w", newline="\n", encoding="utf-8") as f:
        f.write(",".join(n for n, _ in columns) + "\n")
        for row in rows:
            f.write(",".join(csv_field(v) for v in row) + "\n")


def write_jsonl(name, columns, rows):
    write_schema(name, columns)
    with open(os.path.join(OUT, name + ".jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(dict(zip([n for n, _ in columns], row)), ensure_ascii=False) + "\n")


def weighted_status():
    roll = rng.randrange(100)
    upto = 0
    for status, weight in STATUSES:
        upto += weight
        if roll < upto:
            return status
    return STATUSES[-1][0]


def main():
    os.makedirs(OUT, exist_ok=True)
    products = []
    for prefix, (category, names) in CATEGORIES.items():
        for number in range(1, 61):
            base = names[(number - 1) % len(names)]
            variant = (number - 1) // len(names) + 1
            sku = "%s-%04d" % (prefix, 1000 + number)
            price = "%d.%02d" % (rng.randrange(3, 400), rng.choice([0, 49, 95, 99]))
            active = rng.random() > 0.08
            launched = DAY0 - datetime.timedelta(days=rng.randrange(0, 1500))
            products.append((sku, "%s v%d" % (base, variant), category, price, "true" if active else "false", launched.isoformat()))
    write_csv("retail.products", [("sku", "STRING"), ("name", "STRING"), ("category", "STRING"),
                                  ("unit_price", "DECIMAL(10,2)"), ("active", "BOOLEAN"), ("launched", "DATE")], products)

    write_jsonl("retail.warehouses", [("warehouse_id", "STRING"), ("name", "STRING"), ("city", "STRING"),
                                      ("country", "STRING"), ("opened", "DATE")], WAREHOUSES)

    inventory = []
    for sku, *_ in products:
        for warehouse in WAREHOUSES:
            if rng.random() < 0.35:
                continue
            qty = rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 20, 35, 60, 120, 250])
            reorder = None if rng.random() < 0.1 else rng.choice([5, 10, 20, 40])
            updated = datetime.datetime(2024, 6, 1) + datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
            inventory.append((sku, warehouse[0], qty, reorder, updated.strftime("%Y-%m-%d %H:%M:%S")))
    write_csv("retail.inventory", [("sku", "STRING"), ("warehouse_id", "STRING"), ("qty", "INT"),
                                   ("reorder_point", "INT"), ("updated_at", "TIMESTAMP")], inventory)

    customers = []
    for customer_id in range(1, 401):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = None if rng.random() < 0.07 else "%s.%s%d@example.com" % (first.lower(), last.lower().replace("'", ""), customer_id)
        country = rng.choice(["DE", "CH", "PL", "BR", "US", "JP", "FR", "IE"])
        signup = DAY0 - datetime.timedelta(days=rng.randrange(0, 900))
        tier = rng.choice(["standard", "standard", "standard", "gold", "platinum"])
        customers.append((customer_id, "%s %s" % (first, last), email, country, signup.isoformat(), tier))
    write_jsonl("retail.customers", [("customer_id", "BIGINT"), ("name", "STRING"), ("email", "STRING"),
                                     ("country", "STRING"), ("signup_date", "DATE"), ("tier", "STRING")], customers)

    orders = []
    for order_id in range(100001, 103001):
        sku, _, _, price, *_ = rng.choice(products)
        day = DAY0 + datetime.timedelta(days=rng.randrange(0, 182))
        at = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(seconds=rng.randrange(0, 86400))
        orders.append((order_id, rng.randrange(1, 401), sku, rng.choice(WAREHOUSES)[0], rng.choice([1, 1, 1, 2, 2, 3, 5]),
                       price, weighted_status(), day.isoformat(), at.strftime("%Y-%m-%dT%H:%M:%SZ")))
    write_csv("retail.orders", [("order_id", "BIGINT"), ("customer_id", "BIGINT"), ("sku", "STRING"),
                                ("warehouse_id", "STRING"), ("qty", "INT"), ("unit_price", "DECIMAL(10,2)"),
                                ("status", "STRING"), ("order_date", "DATE"), ("ordered_at", "TIMESTAMP")], orders)


if __name__ == "__main__":
    main()
