#!/usr/bin/env python3
"""Side-by-side reference for Knead's neural-ODE block: the same model written for PyTorch.

A 2-D ODE block dx/dt = W2 tanh(W1 x + w_t t + b1) + b2 (2-16-2 vector field), integrated from
0 to 1 by fixed-step RK4 (8 steps; written out here, as torchdiffeq's rk4 does it), a linear
read-out to 2 logits, softmax cross-entropy, Adam at 0.03, full batch of 1,000 points on one
thread. Gradients by backpropagation through the solver (as Knead's rk4 mode).
Prints one JSON line: steps per second over the timed steps.

Usage: python3 torch_ode.py [steps]
"""
import json
import math
import sys
import time

import torch

torch.set_num_threads(1)
torch.manual_seed(1)
STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
N, D, H, RK_STEPS = 1000, 2, 16, 8

# disk r <= 0.5 and annulus 1 <= r <= 1.5, 500 points each
g = torch.Generator().manual_seed(1)
def ring(n, lo, hi):
    r = torch.sqrt(lo * lo + torch.rand(n, generator=g) * (hi * hi - lo * lo))
    a = 2 * math.pi * torch.rand(n, generator=g)
    return torch.stack([r * torch.cos(a), r * torch.sin(a)], 1)
x = torch.cat([ring(N // 2, 0.0, 0.5), ring(N // 2, 1.0, 1.5)]).double()
y = torch.cat([torch.zeros(N // 2), torch.ones(N // 2)]).long()


class Field(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = torch.nn.Linear(D + 1, H).double()
        self.l2 = torch.nn.Linear(H, D).double()

    def forward(self, t, z):
        tt = torch.full((z.shape[0], 1), t, dtype=z.dtype)
        return self.l2(torch.tanh(self.l1(torch.cat([z, tt], 1))))


def rk4(f, z, steps):
    h = 1.0 / steps
    for s in range(steps):
        t = s * h
        k1 = f(t, z)
        k2 = f(t + h / 2, z + h / 2 * k1)
        k3 = f(t + h / 2, z + h / 2 * k2)
        k4 = f(t + h, z + h * k3)
        z = z + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    return z


field = Field()
readout = torch.nn.Linear(D, 2).double()
opt = torch.optim.Adam(list(field.parameters()) + list(readout.parameters()), lr=0.03)


def step():
    opt.zero_grad()
    loss = torch.nn.functional.cross_entropy(readout(rk4(field, x, RK_STEPS)), y)
    loss.backward()
    opt.step()
    return loss.item()


for _ in range(20):
    step()
t0 = time.perf_counter()
for _ in range(STEPS):
    loss = step()
dt = time.perf_counter() - t0
print(json.dumps({"torch": torch.__version__, "threads": 1, "points": N, "rk4_steps": RK_STEPS,
                  "steps": STEPS, "steps_per_s": STEPS / dt, "final_loss": loss}))
