#!/usr/bin/env python3
"""Shipped bytes of the built widget: raw, gzip -9 and brotli (quality 11) of each file a
visitor downloads, for the script-tag bundle (dist-bundle/) and the demo build (dist/).

Usage: scripts/sizes.py [--json FILE] [--budget FILE] [--reference DIR]
  --json FILE    also write the figures as JSON (for comparing two runs)
  --reference DIR  also measure the bare Leptos page built there (scripts/bench.sh)
  --budget FILE  fail (exit 1) when one of the drop-in's three brotli figures exceeds its
                 limit in FILE: "first_input_brotli_max" (what a visitor fetches before they
                 can type: the loader, which carries the first views and the styles),
                 "sign_in_brotli_max" (before the account form's submit can go out: the loader,
                 the wasm-bindgen glue, the split loader and the first module) and
                 "script_tag_brotli_max" (every file, chunks loaded on demand included)
Needs the `brotli` command (Debian's package brotli; scripts/setup.sh installs it).
"""
import gzip
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# The script-tag bundle: every .wasm, .js and .css a host serves from dist-bundle/ (so that
# chunks split off the first module count too), the plain example page aside. These four must
# be there.
BUNDLE_FILES = ["oauthapp_login_bg.wasm", "oauthapp_login.js", "oauthapp-login.js", "oauthapp-login.css"]


def measure(path: pathlib.Path) -> dict:
    data = path.read_bytes()
    br = subprocess.run(["brotli", "-c", "-q", "11", str(path)], capture_output=True, check=True).stdout
    return {"file": path.name, "raw": len(data), "gzip": len(gzip.compress(data, 9, mtime=0)), "brotli": len(br)}


# What a first-time visitor fetches before they can type: the loader alone (scripts/bundle.sh
# puts the first views as HTML and the styles into it; the stylesheet file is only a fallback
# for browsers without constructed stylesheets).
FIRST_INPUT_FILES = ["oauthapp-login.js"]
# ... and before the sign-in form's submit can go out: the wasm-bindgen glue, the split loader
# it imports and the first module too (the chunks loaded on demand are not needed).
SIGN_IN_FILES = FIRST_INPUT_FILES + ["oauthapp_login.js", "__wasm_split.js", "oauthapp_login_bg.wasm"]


def kind(name: str) -> str:
    return {"wasm": "wasm", "js": "js", "css": "css"}.get(name.rsplit(".", 1)[-1], "other")


def collect(folder: pathlib.Path, names=None) -> list:
    if not folder.is_dir():
        sys.exit(f"{folder} is missing: build it first (scripts/bundle.sh, trunk build --release)")
    files = [folder / n for n in names] if names else sorted(
        p for p in folder.iterdir() if p.is_file() and kind(p.name) != "other")
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        sys.exit(f"missing: {', '.join(missing)}")
    return [measure(p) for p in files]


def total(rows: list) -> dict:
    return {k: sum(r[k] for r in rows) for k in ("raw", "gzip", "brotli")}


def print_table(title: str, rows: list) -> None:
    print(f"\n{title}")
    print(f"  {'file':<44} {'raw':>9} {'gzip -9':>9} {'brotli':>9}")
    for r in rows:
        print(f"  {r['file']:<44} {r['raw']:>9} {r['gzip']:>9} {r['brotli']:>9}")
    t = total(rows)
    print(f"  {'total':<44} {t['raw']:>9} {t['gzip']:>9} {t['brotli']:>9}")


def main(argv: list) -> int:
    args = dict(zip(argv[::2], argv[1::2]))
    bundle = collect(ROOT / "dist-bundle", BUNDLE_FILES)
    extra = [r for r in collect(ROOT / "dist-bundle")
             if r["file"] not in BUNDLE_FILES and not r["file"].startswith("example.")]
    bundle += extra
    demo = collect(ROOT / "dist")
    print_table("Script-tag bundle (dist-bundle/): what a host page loads", bundle)
    first_input = [r for r in bundle if r["file"] in FIRST_INPUT_FILES]
    sign_in = [r for r in bundle if r["file"] in SIGN_IN_FILES]
    print_table("... of which before a visitor can type (the loader, with the first views and styles)", first_input)
    print_table("... of which before sign-in works (+ glue, split loader, first module)", sign_in)
    print_table("Demo build (dist/, trunk build --release)", demo)
    result = {"script_tag": {"files": bundle, "total": total(bundle),
                             "before_first_input": total(first_input), "before_sign_in": total(sign_in)},
              "demo": {"files": demo, "total": total(demo)}}
    if "--reference" in args:
        bare = collect(pathlib.Path(args["--reference"]), ["bare_bg.wasm", "bare.js", "boot.js"])
        print_table("Reference: a bare Leptos page with gloo-net, qrcode and serde_json", bare)
        result["bare_leptos"] = {"files": bare, "total": total(bare)}
    if "--json" in args:
        out = pathlib.Path(args["--json"])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n")
    if "--budget" in args:
        budget = json.loads(pathlib.Path(args["--budget"]).read_text())
        over = False
        for key, what, now in [
            ("first_input_brotli_max", "before first input", result["script_tag"]["before_first_input"]["brotli"]),
            ("sign_in_brotli_max", "before sign-in works", result["script_tag"]["before_sign_in"]["brotli"]),
            ("script_tag_brotli_max", "the whole drop-in", result["script_tag"]["total"]["brotli"]),
        ]:
            if key not in budget:
                continue
            limit = budget[key]
            verdict = "within" if now <= limit else "OVER"
            print(f"\nsize budget: {what} {now} bytes brotli, budget {limit}: {verdict}")
            over = over or now > limit
        if over:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
