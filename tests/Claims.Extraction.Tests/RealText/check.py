#!/usr/bin/env python3
"""Check local copies of the real-text excerpts against manifest.json, and lay them out for scoring.

usage: check.py [FOLDER] [--split]

FOLDER holds one file per excerpt, named as in manifest.json (default: $CLAIMS_REALTEXT_DIR or
/work/realtext-cache). The texts are third-party and never committed: the manifest keeps each one's
address, SHA-256 and how it was cut. Each file is hashed as UTF-8 bytes and compared.
--split also copies the matching files into FOLDER/dev and FOLDER/test (the halves of the manifest),
ready for `claims extract FOLDER/dev --json` and score.py against dev.gold.json / test.gold.json.
Exit code 0 when every excerpt is present and matches, 1 otherwise.
"""
import hashlib
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    folder = args[0] if args else os.environ.get("CLAIMS_REALTEXT_DIR", "/work/realtext-cache")
    manifest = json.load(open(os.path.join(HERE, "manifest.json"), encoding="utf-8"))
    ok = True
    for e in manifest["excerpts"]:
        path = os.path.join(folder, e["file"])
        if not os.path.exists(path):
            print(f"missing  {e['file']}  ({e['url']})")
            ok = False
            continue
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != e["sha256"]:
            print(f"CHANGED  {e['file']}: sha256 {digest} != {e['sha256']}")
            ok = False
            continue
        print(f"ok       {e['file']}  [{e['half']}]")
        if "--split" in argv:
            os.makedirs(os.path.join(folder, e["half"]), exist_ok=True)
            shutil.copyfile(path, os.path.join(folder, e["half"], e["file"]))
    print("all excerpts match" if ok else "some excerpts are missing or differ")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
