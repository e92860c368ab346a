#!/usr/bin/python3
"""Writes the import fixtures beside this script: networks made and run by PyTorch (Debian's
python3-torch 1.13), saved as ONNX (torch.onnx.export) and NPZ (numpy.savez), with PyTorch's own
outputs on fixed inputs in <name>-expected.npz (arrays x and y). The weights are float32 as
trained models store them; PyTorch's outputs are computed in float64 on those same weights, so a
correct reader's float64 forward pass agrees to rounding (the test asks for 1e-6).

Run: /usr/bin/python3 core/src/test/resources/dev/knead/core/imported/make_fixtures.py
"""
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(7)
X = torch.linspace(-2, 2, 40, dtype=torch.float64).reshape(20, 2)


def expected(name, model):
    with torch.no_grad():
        y = model.double()(X).numpy()
    model.float()
    np.savez(os.path.join(HERE, name + "-expected.npz"), x=X.numpy(), y=y)


def onnx(name, model):
    torch.onnx.export(model, torch.zeros(1, 2), os.path.join(HERE, name + ".onnx"), input_names=["x"], output_names=["y"])


class MatMulNet(torch.nn.Module):
    """x · W + b written out, so the exporter writes MatMul and Add rather than Gemm."""

    def __init__(self):
        super().__init__()
        self.w1 = torch.nn.Parameter(torch.randn(2, 6))
        self.b1 = torch.nn.Parameter(torch.randn(6))
        self.w2 = torch.nn.Parameter(torch.randn(6, 4))
        self.b2 = torch.nn.Parameter(torch.randn(4))
        self.w3 = torch.nn.Parameter(torch.randn(4, 3))
        self.b3 = torch.nn.Parameter(torch.randn(3))

    def forward(self, x):
        h = torch.nn.functional.leaky_relu(x @ self.w1 + self.b1, 0.1)
        h = torch.sigmoid(h @ self.w2 + self.b2)
        return h @ self.w3 + self.b3


# Gemm layers with two different activations
gemm = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.ReLU(), torch.nn.Linear(8, 5), torch.nn.Tanh(), torch.nn.Linear(5, 3))
onnx("gemm-relu-tanh", gemm)
expected("gemm-relu-tanh", gemm)

# MatMul + Add with LeakyRelu(0.1) and Sigmoid
mm = MatMulNet()
onnx("matmul-leaky-sigmoid", mm)
expected("matmul-leaky-sigmoid", mm)

# a final Softmax: Knead keeps the logits (the output of the last Gemm)
soft = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 2), torch.nn.Softmax(dim=1))
onnx("softmax-at-the-end", soft)
expected("softmax-at-the-end", soft[:3])

# one activation for every hidden layer: the NPZ forms
tanh = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3))
sd = {k: v.detach().numpy() for k, v in tanh.state_dict().items()}
np.savez(os.path.join(HERE, "tanh-state-dict.npz"), **sd)
np.savez(os.path.join(HERE, "tanh-indexed.npz"), W0=sd["0.weight"], b0=sd["0.bias"], W1=sd["2.weight"], b1=sd["2.bias"],
         W2=sd["4.weight"], b2=sd["4.bias"])
expected("tanh", tanh)
