"""Writes a synthetic JSON Lines corpus for `sidenote extract --jsonl`, made from the sample article in assets/.

Every article differs from the others (paragraphs chosen and ordered per article, a dateline, a quotation by
one of several speakers, numbers), so that a line put in the wrong place cannot go unnoticed. Some lines are
HTML with a URL, and a few are deliberately bad (no text), to check that error lines travel like the rest.
Deterministic: the same arguments give the same bytes.

    python3 make_corpus.py --articles 10000 --out corpus.jsonl
    python3 make_corpus.py --min-bytes 100000000 --out big.jsonl     # repeat until at least 100 MB
"""

import argparse
import html
import json
import random
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "assets" / "rferl-lavrov-inf.txt"
SPEAKERS = ["Sergei Lavrov", "Maria Zakharova", "Jens Stoltenberg", "Antony Blinken", "Dmitry Peskov"]
CITIES = ["MOSCOW", "WASHINGTON", "BRUSSELS", "GENEVA", "KYIV", "BERLIN"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def article(rng: random.Random, paragraphs: list[str], n: int) -> str:
    chosen = rng.sample(paragraphs, k=rng.randint(max(1, len(paragraphs) // 2), len(paragraphs)))
    speaker = rng.choice(SPEAKERS)
    dateline = f"{rng.choice(CITIES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2015, 2024)} —"
    quote = f"“We have seen {rng.randint(2, 900)} reports and none of them is proof,” {speaker} said on Tuesday."
    return f"Report {n}: talks resume\n\n{dateline} " + "\n\n".join(chosen[:1] + [quote] + chosen[1:])


def record(rng: random.Random, paragraphs: list[str], n: int) -> dict:
    identifier = f"article-{n:07d}"
    if n % 997 == 996:
        return {"id": identifier, "title": "a record without text, to check error lines"}
    text = article(rng, paragraphs, n)
    if n % 10 == 3:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
        page = f'<html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article>{body}</article></body></html>'
        return {"id": identifier, "html": page, "url": f"https://news.example/{n}"}
    return {"id": identifier, "text": text}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=0, help="number of articles")
    parser.add_argument("--min-bytes", type=int, default=0, help="keep writing articles until the file is this big")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.articles <= 0 and args.min_bytes <= 0:
        parser.error("give --articles or --min-bytes")
    paragraphs = [p.strip() for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(args.seed)
    # Characters of article text or HTML (code points), the unit of the throughput figures.
    written, n, chars = 0, 0, 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        while (args.articles and n < args.articles) or (args.min_bytes and written < args.min_bytes):
            article = record(rng, paragraphs, n)
            chars += len(article.get("text") or article.get("html") or "")
            line = json.dumps(article, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print(f"{n} articles, {written} bytes, {chars} chars -> {args.out}")


if __name__ == "__main__":
    main()
