#!/usr/bin/env python3
"""HyenaDNA in plain PyTorch (1.13), written from /work/shared/reference/hyenadna.md.

The throughput reference for HyenaFlow.Engine.Bench: the same model, shapes, loss
(next-token cross-entropy through the tied LM head) and optimiser (AdamW, the official
weight-decay groups) as the C# engine. Prints one JSON object on stdout.

  train:  --config small-32k --length 32770 --batch 1 --steps 2 --warmup 1 --threads 2
  parity: --mode parity --weights DIR_OF_NPY --input-ids input_ids.npy
"""
import argparse
import json
import math
import os
import resource
import statistics
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CONFIGS = {
    "tiny-1k": dict(l_max=1026, d_model=128, n_layer=2, d_inner=512),
    "small-32k": dict(l_max=32770, d_model=256, n_layer=4, d_inner=1024),
    "medium-160k": dict(l_max=160002, d_model=256, n_layer=8, d_inner=1024),
    "medium-450k": dict(l_max=450002, d_model=256, n_layer=8, d_inner=1024),
    "large-1m": dict(l_max=1000002, d_model=256, n_layer=8, d_inner=1024),
}
VOCAB, PADDED_VOCAB = 12, 16
EMB_DIM, FILTER_ORDER, SHORT_ORDER, W = 5, 64, 3, 10.0


class Sin(nn.Module):
    def __init__(self, dim, w):
        super().__init__()
        self.freq = nn.Parameter(w * torch.ones(1, dim))

    def forward(self, x):
        return torch.sin(self.freq * x)


class PositionalEmbedding(nn.Module):
    def __init__(self, emb_dim, seq_len):
        super().__init__()
        t = torch.linspace(0, 1, seq_len)[None, :, None]
        bands = (emb_dim - 1) // 2
        w = 2 * math.pi * torch.linspace(0, seq_len - 1, seq_len)[None, :, None] / seq_len
        f = torch.linspace(1e-4, bands - 1, bands)[None, None]
        angle = f * w
        self.register_buffer("z", torch.cat([t, torch.cos(angle), -torch.sin(angle)], dim=-1))
        self.register_buffer("t", t)

    def forward(self, length):
        return self.z[:, :length], self.t[:, :length]


class ExponentialModulation(nn.Module):
    def __init__(self, d_model, fast=0.3, slow=1.5, target=1e-2, shift=0.05):
        super().__init__()
        self.shift = shift
        max_decay, min_decay = math.log(target) / fast, math.log(target) / slow
        self.register_buffer("deltas", torch.linspace(min_decay, max_decay, d_model)[None, None])

    def forward(self, t, x):
        return x * (torch.exp(-t * self.deltas.abs()) + self.shift)


def fftconv(u, k, d):
    length = u.shape[-1]
    n = 2 * length
    k_f = torch.fft.rfft(k, n=n) / n
    u_f = torch.fft.rfft(u, n=n)
    y = torch.fft.irfft(u_f * k_f, n=n, norm="forward")[..., :length]
    return y + u * d.unsqueeze(-1)


class HyenaFilter(nn.Module):
    def __init__(self, d_model, l_max):
        super().__init__()
        self.bias = nn.Parameter(torch.randn(d_model))
        self.pos_emb = PositionalEmbedding(EMB_DIM, l_max)
        sin = Sin(FILTER_ORDER, W)
        self.implicit_filter = nn.Sequential(
            nn.Linear(EMB_DIM, FILTER_ORDER), sin,
            nn.Linear(FILTER_ORDER, FILTER_ORDER), sin,
            nn.Linear(FILTER_ORDER, FILTER_ORDER), sin,
            nn.Linear(FILTER_ORDER, d_model, bias=False))
        self.modulation = ExponentialModulation(d_model)

    def filter(self, length):
        z, t = self.pos_emb(length)
        return self.modulation(t, self.implicit_filter(z))[0].transpose(0, 1)  # d × L


class HyenaOperator(nn.Module):
    def __init__(self, d_model, l_max):
        super().__init__()
        self.d_model = d_model
        self.in_proj = nn.Linear(d_model, 3 * d_model)
        self.out_proj = nn.Linear(d_model, d_model)
        self.short_filter = nn.Conv1d(3 * d_model, 3 * d_model, SHORT_ORDER, padding=SHORT_ORDER - 1, groups=3 * d_model)
        self.filter_fn = HyenaFilter(d_model, l_max)

    def forward(self, h):
        length = h.shape[1]
        u = self.in_proj(h).transpose(1, 2)
        uc = self.short_filter(u)[..., :length]
        x0, x1, v = uc.split(self.d_model, dim=1)
        k = self.filter_fn.filter(length)
        v = fftconv(v * x1, k, self.filter_fn.bias)
        return self.out_proj((v * x0).transpose(1, 2))


class Mlp(nn.Module):
    def __init__(self, d_model, d_inner):
        super().__init__()
        self.fc1 = nn.Linear(d_model, d_inner)
        self.fc2 = nn.Linear(d_inner, d_model)

    def forward(self, h):
        return self.fc2(F.gelu(self.fc1(h), approximate="tanh"))


class Block(nn.Module):
    def __init__(self, cfg, input_dropout):
        super().__init__()
        d = cfg["d_model"]
        self.mixer = HyenaOperator(d, cfg["l_max"])
        self.dropout1 = nn.Dropout(input_dropout)
        self.norm1 = nn.LayerNorm(d, eps=1e-5)
        self.dropout2 = nn.Dropout(0.0)
        self.norm2 = nn.LayerNorm(d, eps=1e-5)
        self.mlp = Mlp(d, cfg["d_inner"])

    def forward(self, hidden, residual):
        dropped = self.dropout1(hidden)
        r = dropped if residual is None else dropped + residual
        h = self.mixer(self.norm1(r))
        r = self.dropout2(h) + r.float()
        return self.mlp(self.norm2(r)), r


class Embeddings(nn.Module):
    def __init__(self, d_model):
        super().__init__()
        self.word_embeddings = nn.Embedding(PADDED_VOCAB, d_model)

    def forward(self, ids):
        return self.word_embeddings(ids)


class Backbone(nn.Module):
    def __init__(self, cfg, embed_dropout):
        super().__init__()
        self.embeddings = Embeddings(cfg["d_model"])
        self.layers = nn.ModuleList(Block(cfg, embed_dropout if i == 0 else 0.0) for i in range(cfg["n_layer"]))
        self.drop_f = nn.Dropout(0.0)
        self.ln_f = nn.LayerNorm(cfg["d_model"], eps=1e-5)

    def forward(self, ids):
        hidden, residual = self.embeddings(ids), None
        for layer in self.layers:
            hidden, residual = layer(hidden, residual)
        return self.ln_f(self.drop_f(hidden) + residual)


class HyenaDna(nn.Module):
    def __init__(self, cfg, embed_dropout=0.1):
        super().__init__()
        self.backbone = Backbone(cfg, embed_dropout)

    def lm_loss(self, ids):
        hidden = self.backbone(ids)
        logits = hidden @ self.backbone.embeddings.word_embeddings.weight.t()
        return F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), ids[:, 1:].reshape(-1))


def adamw(model):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if ".filter_fn.implicit_filter." in name else decay).append(p)
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                             lr=6e-4, betas=(0.9, 0.999))


def rss_mb(kind):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(kind + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def train(args, cfg):
    torch.manual_seed(args.seed)
    baseline = rss_mb("VmRSS")
    model = HyenaDna(cfg)
    model.train()
    optimizer = adamw(model)
    ids = torch.randint(7, 11, (args.batch, args.length), generator=torch.Generator().manual_seed(args.seed))
    # Warm-up steps only create the optimiser state and first-use kernels: a short length does.
    warmup_ids = ids[:, :min(args.length, args.warmup_length)]

    def step(batch_ids=ids):
        optimizer.zero_grad(set_to_none=False)
        loss = model.lm_loss(batch_ids)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(args.warmup):
        step(warmup_ids)
    times = []
    for _ in range(args.steps):
        start = time.perf_counter()
        loss = step()
        times.append(time.perf_counter() - start)
    mean = sum(times) / len(times)
    # The median, as the C# side reports it: one step slowed by the machine moves it least.
    median = statistics.median(times)
    return {
        "config": args.config, "length": args.length, "batch": args.batch, "threads": torch.get_num_threads(),
        "torch": torch.__version__, "steps": args.steps, "step_seconds": times, "mean_step_seconds": mean,
        "median_step_seconds": median, "tokens_per_second": args.batch * args.length / median, "loss": loss,
        "baseline_rss_mb": baseline, "peak_rss_mb": rss_mb("VmHWM"),
    }


def parity(args, cfg):
    """LM loss of the fixture weights on the fixture ids, then after one AdamW step (no dropout)."""
    model = HyenaDna(cfg, embed_dropout=0.0)
    state = model.state_dict()
    loaded = {}
    for key in state:
        path = os.path.join(args.weights, key + ".npy")
        loaded[key] = torch.from_numpy(np.load(path))
    model.load_state_dict(loaded, strict=True)
    ids = torch.from_numpy(np.load(args.input_ids)).long()
    model.train()
    optimizer = adamw(model)
    loss = model.lm_loss(ids)
    loss.backward()
    grad_norm = math.sqrt(sum(float(p.grad.pow(2).sum()) for p in model.parameters()))
    optimizer.step()
    with torch.no_grad():
        after = model.lm_loss(ids).item()
    return {"loss": loss.item(), "grad_norm": grad_norm, "loss_after_step": after, "torch": torch.__version__}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["train", "parity"], default="train")
    parser.add_argument("--config", default="tiny-1k", choices=sorted(CONFIGS))
    parser.add_argument("--length", type=int, default=0, help="tokens per sequence; 0 = l_max")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--warmup-length", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--weights")
    parser.add_argument("--input-ids")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    cfg = CONFIGS[args.config]
    if args.length <= 0:
        args.length = cfg["l_max"]
    result = train(args, cfg) if args.mode == "train" else parity(args, cfg)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
