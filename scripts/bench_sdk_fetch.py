#!/usr/bin/env python3
"""Peer for scripts/bench-databricks.sh: fetch a statement result with the official Python SDK
(databricks-sdk) and convert values by column type, as an application would.

Usage: python bench_sdk_fetch.py HOST TOKEN WAREHOUSE INLINE|EXTERNAL_LINKS   (prints the row count)
"""
import datetime
import decimal
import sys
import time
import urllib.request

from databricks.sdk import WorkspaceClient
from databricks.sdk.service.sql import Disposition, Format, StatementState

host, token, warehouse, disposition = sys.argv[1:5]
w = WorkspaceClient(host=host, token=token, auth_type="pat")
converters = {
    "LONG": int, "INT": int, "SHORT": int, "BYTE": int, "DOUBLE": float, "FLOAT": float, "DECIMAL": decimal.Decimal,
    "BOOLEAN": lambda v: v == "true", "DATE": datetime.date.fromisoformat,
    "TIMESTAMP": lambda v: datetime.datetime.fromisoformat(v.replace("Z", "+00:00")),
}
response = w.statement_execution.execute_statement(
    statement="SELECT * FROM big", warehouse_id=warehouse, disposition=Disposition(disposition), format=Format.JSON_ARRAY,
    wait_timeout="10s")
while response.status.state in (StatementState.PENDING, StatementState.RUNNING):
    time.sleep(0.1)
    response = w.statement_execution.get_statement(response.statement_id)
columns = response.manifest.schema.columns
convert = [converters.get(c.type_name.value if c.type_name else "STRING", str) for c in columns]
rows = []
chunk = response.result
while chunk is not None:
    if chunk.data_array is not None:
        data = chunk.data_array
    elif chunk.external_links:
        with urllib.request.urlopen(chunk.external_links[0].external_link) as remote:  # no Authorization header
            import json
            data = json.load(remote)
    else:
        data = []
    for row in data:
        rows.append([None if v is None else f(v) for f, v in zip(convert, row)])
    link = chunk.external_links[0] if chunk.external_links else chunk
    nxt = link.next_chunk_index
    chunk = w.statement_execution.get_statement_result_chunk_n(response.statement_id, nxt) if nxt is not None else None
print(len(rows))
