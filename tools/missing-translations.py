#!/usr/bin/env python3
"""Lists the Chinese UI strings of src/Qunfa.Web that have no English entry in
Resources/SharedResource.en.resx yet: L["..."] in views, qf-field label/hint/placeholder
attributes, and Chinese string literals in C# (messages are resource keys)."""
import glob, html, re, sys, os

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'Qunfa.Web')
keys = set()
for f in glob.glob(os.path.join(root, '**', '*.cshtml'), recursive=True):
    s = open(f, encoding='utf-8').read()
    keys |= set(re.findall(r'L\["([^"]+)"\]', s))
    keys |= set(re.findall(r'"([^"\n]*[\u4e00-\u9fff][^"\n]*)"', s))
for f in glob.glob(os.path.join(root, '**', '*.cs'), recursive=True):
    if os.sep + 'Migrations' + os.sep in f or os.sep + 'obj' + os.sep in f:
        continue
    s = open(f, encoding='utf-8').read()
    keys |= set(re.findall(r'"([^"\n]*[\u4e00-\u9fff][^"\n]*)"', s))
resx = open(os.path.join(root, 'Resources', 'SharedResource.en.resx'), encoding='utf-8').read()
known = {html.unescape(k) for k in re.findall(r'<data name="([^"]*)"', resx)}
for k in sorted(keys - known):
    if '{' in k and '}' in k and not re.search(r'\{\d\}', k):
        continue  # interpolated C# strings are not resource keys
    print(k)
