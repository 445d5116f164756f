#!/usr/bin/env python3
"""Expected scaling efficiency of data-parallel training at 8 and 64 processes, on paper.

From what one process measured (pairs/s at the global batch) and the gradient volume (the encoder's
weights, 4 bytes a parameter): with N processes the compute of a step is T1 / N (the global batch
split evenly, every process as fast as the one measured), and a ring all-reduce of the gradients
moves 2 (N - 1) / N x the gradient bytes through each process's link, plus 2 (N - 1) latencies.
The embedding all-gathers add 3 x batch x hidden x 4 bytes, negligible beside the gradients.
Printed for common interconnects, without overlap (communication after compute: the worst case)
and with full overlap (backward hides it: the best case). Small shares of the batch make the
compute itself less efficient, which this does not model.
"""
import argparse

INTERCONNECTS = [  # name, bytes/s per direction, latency per message (s)
    ("10 GbE", 1.25e9, 50e-6),
    ("25 GbE", 3.125e9, 25e-6),
    ("100 Gb/s InfiniBand", 12.5e9, 5e-6),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights-bytes", type=float, required=True)
    parser.add_argument("--one-process-pairs-per-s", type=float, required=True)
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--processes", type=int, nargs="+", default=[8, 64])
    args = parser.parse_args()
    step = args.batch / args.one_process_pairs_per_s
    print(f"projection: one process {step:.3f} s a step of {args.batch} pairs, "
          f"{args.weights_bytes / 1e6:.1f} MB of gradients to sum each step")
    print(f"{'processes':>9} {'interconnect':>20} {'compute_s':>10} {'allreduce_s':>12} "
          f"{'eff_no_overlap':>15} {'eff_overlap':>12}")
    for n in args.processes:
        compute = step / n
        for name, bandwidth, latency in INTERCONNECTS:
            reduce = 2 * (n - 1) / n * args.weights_bytes / bandwidth + 2 * (n - 1) * latency
            serial = compute / (compute + reduce)
            overlapped = compute / max(compute, reduce)
            print(f"{n:>9} {name:>20} {compute:>10.4f} {reduce:>12.4f} {serial:>15.2f} "
                  f"{overlapped:>12.2f}")


if __name__ == "__main__":
    main()
