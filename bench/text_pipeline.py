"""Driver of bench/text_pipeline.sh: builds the corpora, times dyad and the baseline.

Both tools run on one core, one after the other, on the same files. dyad does more work than
the baseline (extraction, cleaning, segmentation and tokenization, JSON output); trafilatura
does extraction only, so the ratio is conservative.
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time


def build_html_corpus(shared, out, copies):
    src = os.path.join(shared, "extraction", "article-extraction-benchmark", "html")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    total = 0
    pages = sorted(f for f in os.listdir(src) if f.endswith(".html.gz"))
    for name in pages:
        with gzip.open(os.path.join(src, name)) as f:
            data = f.read()
        for c in range(copies):
            path = os.path.join(out, f"{c:03d}-{name[:-3]}")
            with open(path, "wb") as g:
                g.write(data)
            total += len(data)
    return len(pages) * copies, total


def build_text_corpus(shared, out):
    """One plain-text file per treebank document (EWT and GUM train), paragraphs kept."""
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    files = [
        os.path.join(shared, "ud", "UD_English-EWT", "en_ewt-ud-train.conllu"),
        os.path.join(shared, "ud", "UD_English-GUM", "en_gum-ud-train.nonNC-genres.conllu"),
    ]
    docs, total, cur = 0, 0, []

    def flush():
        nonlocal docs, total, cur
        if cur:
            text = "\n\n".join(cur) + "\n"
            with open(os.path.join(out, f"doc{docs:05d}.txt"), "w", encoding="utf-8") as g:
                g.write(text)
            total += len(text.encode("utf-8"))
            docs += 1
            cur = []

    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# newdoc"):
                    flush()
                elif line.startswith("# text = "):
                    cur.append(line[len("# text = "):].rstrip("\n"))
        flush()
    return docs, total


def run_dyad(dyad, corpus, out_path):
    t0 = time.perf_counter()
    subprocess.run([dyad, "code", "-q", "--stop-after", "tokenize", "-o", out_path, corpus],
                   check=True)
    secs = time.perf_counter() - t0
    docs = tokens = 0
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            docs += 1
            tokens += len(rec["tokens"])
    return secs, docs, tokens


def run_trafilatura(corpus):
    import trafilatura

    t0 = time.perf_counter()
    n = 0
    for name in sorted(os.listdir(corpus)):
        with open(os.path.join(corpus, name), "rb") as f:
            html = f.read()
        trafilatura.extract(html)
        n += 1
    return time.perf_counter() - t0, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--copies", type=int, default=12)
    args = ap.parse_args()
    os.environ["OMP_NUM_THREADS"] = "1"
    work = os.path.join("bench", "out")
    os.makedirs(work, exist_ok=True)

    html_dir = os.path.join(work, "corpus-html")
    n_html, html_bytes = build_html_corpus(args.shared, html_dir, args.copies)
    text_dir = os.path.join(work, "corpus-text")
    n_text, text_bytes = build_text_corpus(args.shared, text_dir)
    print(f"corpora: {n_html} HTML pages ({html_bytes / 1e6:.1f} MB), "
          f"{n_text} plain-text documents ({text_bytes / 1e6:.1f} MB)")

    d_secs, d_docs, d_tokens = run_dyad(args.dyad, html_dir, os.path.join(work, "html.jsonl"))
    t_secs, t_docs = run_trafilatura(html_dir)
    x_secs, x_docs, x_tokens = run_dyad(args.dyad, text_dir, os.path.join(work, "text.jsonl"))

    rows = [
        ("dyad code (HTML: extract+clean+segment+tokenize)", d_secs, d_docs, html_bytes, d_tokens),
        ("trafilatura 2.3.1 extract (HTML, baseline)", t_secs, t_docs, html_bytes, None),
        ("dyad code (plain text: clean+segment+tokenize)", x_secs, x_docs, text_bytes, x_tokens),
    ]
    print(f"{'run':52} {'secs':>8} {'docs/s':>9} {'MB/s':>8} {'tokens/s':>11}")
    for name, secs, docs, nbytes, toks in rows:
        tps = f"{toks / secs:11.0f}" if toks is not None else f"{'-':>11}"
        print(f"{name:52} {secs:8.2f} {docs / secs:9.1f} {nbytes / 1e6 / secs:8.2f} {tps}")
    print(f"ratio on HTML, dyad vs trafilatura (docs/s): {t_secs / d_secs:.2f}x")
    json.dump({
        "html_docs": n_html, "html_bytes": html_bytes, "dyad_html_secs": d_secs,
        "dyad_html_tokens": d_tokens, "trafilatura_secs": t_secs,
        "text_docs": n_text, "text_bytes": text_bytes, "dyad_text_secs": x_secs,
        "dyad_text_tokens": x_tokens, "ratio_html": t_secs / d_secs,
    }, open(os.path.join(work, "text_pipeline.json"), "w"), indent=1)


if __name__ == "__main__":
    sys.exit(main())
