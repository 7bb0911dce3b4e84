#!/usr/bin/env python3
"""Prints seeded calls of Spark scalar functions with edge-value arguments, one query per line, for recording a
golden file (write `?` answers, then scripts/spark-oracle.sh --record). Usage: gen_function_calls.py SEED"""
import random
import sys
random.seed(int(sys.argv[1]) if len(sys.argv)>1 else 1)
S=["''","'abc'","'Hello World'","' a b '","'ÄÖü straße'","'123'","'-1.5e2'","'a,b,,c'","NULL","'aaa'","'x%_y'","'2024-02-29'","'2024-03-10 12:34:56.789'"]
I=["0","1","-1","3","2147483647","-2147483648","NULL","100"]
L=["0L","-9223372036854775808L","9223372036854775807L","12345678901L"]
D=["1.5D","-0.0D","1e308D","double('NaN')","0.1D","-2.5D","double('-Infinity')"]
N=["1.25BD","-0.5BD","12.345BD","99999999999999999999.99BD","0.000001BD"]
DT=["DATE'2024-02-29'","DATE'1970-01-01'","DATE'0001-01-01'","DATE'9999-12-31'","DATE'2023-12-31'"]
TS=["TIMESTAMP'2024-03-10 12:34:56.789'","TIMESTAMP'1969-12-31 23:59:59.999999'","TIMESTAMP'2024-01-01 00:00:00'","TIMESTAMP_NTZ'2024-06-30 23:59:59'"]
A=["array(1, 2, NULL)","array()","array('b', 'a', 'c')","array(3, 1, 2)","array(array(1), array(2, 3))","CAST(NULL AS ARRAY<INT>)"]
M=["map('a', 1, 'b', 2)","map()","map(1, 'x')"]
B=["true","false","NULL"]
pools={'s':S,'i':I,'l':L,'d':D,'n':N,'dt':DT,'ts':TS,'a':A,'m':M,'b':B}
anyp=S+I+D+N+DT+TS
sigs="""
upper s|lower s|length s|char_length s|octet_length s|bit_length s|reverse s|initcap s|ltrim s|rtrim s|trim s|btrim s s|ascii s|chr i|base64 s|unbase64 s|hex s|unhex s|md5 s|sha1 s|sha2 s i|crc32 s|soundex s|levenshtein s s|levenshtein s s i|left s i|right s i|substr s i|substr s i i|substring s i i|lpad s i s|rpad s i s|lpad s i|repeat s i|replace s s s|replace s s|instr s s|locate s s|locate s s i|position s s|substring_index s s i|split s s|split s s i|split_part s s i|concat s s|concat_ws s s s|translate s s s|overlay s s i|overlay s s i i|startswith s s|endswith s s|contains s s|like s s|ilike s s|rlike s s|regexp_like s s|regexp_replace s s s|regexp_extract s s i|regexp_extract_all s s|regexp_count s s|regexp_instr s s|regexp_substr s s|format_string s s|format_string s i|format_number d i|format_number n i|format_number i s|elt i s s|find_in_set s s|str_to_map s|str_to_map s s s|mask s|luhn_check s|try_to_number s s|to_number s s|to_char n s|to_char i s|url_encode s|url_decode s|encode s s|decode s s|nvl s s|nullif s s|ifnull s i|space i|char i|printf s d|quote s|is_valid_utf8 s|make_valid_utf8 s|collate s s|
abs i|abs d|abs n|abs l|negative l|sign d|signum n|ceil d|ceil n|ceil n i|floor d|floor d i|round d|round d i|round n i|bround d i|bround n i|round i i|sqrt d|cbrt d|exp d|ln d|log d d|log10 d|log2 d|log1p d|pow d d|power i i|mod i i|pmod i i|pmod d d|div i i|factorial i|greatest i d|least s s|least i n|hypot d d|atan2 d d|degrees d|radians d|sin d|cos d|tan d|cot d|asinh d|acosh d|atanh d|sinh d|bin l|conv s i i|hex l|shiftleft i i|shiftright l i|shiftrightunsigned i i|bit_count l|bit_get l i|getbit i i|width_bucket d d d i|try_add i i|try_subtract l l|try_multiply i i|try_divide i i|try_divide d i|try_mod i i|e|pi|rint d|nanvl d d|isnan d|ceiling d|positive i|uniform i i i|
year dt|month ts|day dt|dayofweek dt|dayofyear dt|weekofyear dt|weekday dt|quarter ts|hour ts|minute ts|second ts|last_day dt|next_day dt s|add_months dt i|date_add dt i|date_sub dt i|datediff dt dt|months_between ts ts|months_between ts dt b|date_trunc s ts|trunc dt s|date_format ts s|date_format dt s|to_date s|to_date s s|to_timestamp s|to_timestamp s s|try_to_timestamp s s|unix_timestamp s s|unix_timestamp ts|from_unixtime l s|from_unixtime i|to_unix_timestamp s s|unix_date dt|unix_seconds ts|unix_millis ts|timestamp_seconds l|timestamp_millis l|date_from_unix_date i|make_date i i i|make_timestamp i i i i i d|make_timestamp_ntz i i i i i n|dayname dt|monthname ts|date_part s ts|datepart s dt|convert_timezone s s ts|from_utc_timestamp ts s|to_utc_timestamp ts s|to_date dt|date dt|
size a|cardinality m|array_contains a i|array_position a i|array_remove a i|array_distinct a|array_sort a|sort_array a b|array_max a|array_min a|array_join a s|array_join a s s|flatten a|reverse a|slice a i i|element_at a i|try_element_at a i|element_at m s|map_keys m|map_values m|map_entries m|array_union a a|array_intersect a a|array_except a a|arrays_overlap a a|array_repeat s i|array_append a i|array_prepend a i|array_insert a i i|array_compact a|get a i|concat a a|sequence i i|sequence i i i|arrays_zip a a|map_from_arrays a a|map_contains_key m s|
"""
out=set()
for sig in sigs.replace('\n','').split('|'):
    sig=sig.strip()
    if not sig: continue
    parts=sig.split(); f=parts[0]; args=parts[1:]
    for _ in range(4):
        vals=[random.choice(pools[a]) if random.random()<0.8 else random.choice(anyp) for a in args]
        if f=='like': q="SELECT %s LIKE %s"%tuple(vals)
        elif f=='ilike': q="SELECT %s ILIKE %s"%tuple(vals)
        elif f=='rlike': q="SELECT %s RLIKE %s"%tuple(vals)
        else: q="SELECT %s(%s)"%(f,", ".join(vals))
        out.add(q)
qs=sorted(out); random.shuffle(qs)
print("\n".join(qs))
