using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HyenaFlow.Engine.Model.Fused;

/// <summary>
/// The element-wise parts of the Hyena operator around its FFT convolution, each as one pass over
/// memory: the 3-tap causal depthwise short conv, the split into x0, x1, v, both gates, the D term and
/// the layout change between the projections (B × L × channels) and the FFT (B × channels × n).
/// </summary>
/// <remarks>
/// As separate LibTorch ops these are about a dozen passes forward and twice that backward (pad,
/// three multiply-adds, split copies, two products, transposes, and each of their gradients), and on
/// a CPU they cost more than the matmuls and FFTs of the layer. Work is split by
/// <see cref="Lanes"/> channels, each group owning its channels across the whole batch, so the
/// parameter-gradient sums need no locks and add up in the same order however many threads run.
/// Time runs in tiles of 8 steps so that the channel-major FFT rows are read and written as 8 × 8
/// register transposes. Short-conv outputs (x0, x1, v) are recomputed from the in-projection where
/// needed rather than stored: three multiply-adds on rows in cache are cheaper than a write and a read.
/// FFT-side buffers have rows of n ≥ L floats whose tail the kernels zero, so rfft needs no padding copy.
/// The loops are compiled optimised from the first call (AggressiveOptimization): a training step calls
/// each kernel once per layer, too rarely for tiered compilation to reach its optimised tier in time.
/// </remarks>
[SkipLocalsInit]
internal static unsafe class HyenaGatingKernels
{
    /// <summary>Channels per work item (one AVX register of float32), and time steps per tile.</summary>
    public const int Lanes = 8;

    /// <summary>The short filter length the kernels are written for (every published configuration).</summary>
    public const int Taps = 3;

    public static bool IsSupported => Avx.IsSupported && Fma.IsSupported;

    /// <param name="Batch">B.</param>
    /// <param name="Length">L.</param>
    /// <param name="Width">d; the in-projection has 3d channels: x0, x1, v.</param>
    /// <param name="FftRow">n, the row length of FFT-side buffers (≥ L).</param>
    public readonly record struct Shape(int Batch, int Length, int Width, long FftRow)
    {
        public int Channels => 3 * Width;
    }

    /// <summary>
    /// The short conv of one part (x0, x1 or v) over 8 channels. Read-only: state carried from step to step
    /// in a struct's fields would go through memory each step, so callers keep it in locals.
    /// </summary>
    private readonly struct ShortConv(Vector256<float> tap0, Vector256<float> tap1, Vector256<float> tap2, Vector256<float> bias)
    {
        public readonly Vector256<float> Tap0 = tap0, Tap1 = tap1, Tap2 = tap2, Bias = bias;

        public static ShortConv For(float* weight, float* bias, int firstChannel)
        {
            var lane = stackalloc float[Taps * Lanes];
            for (var i = 0; i < Lanes; i++)
            for (var tap = 0; tap < Taps; tap++)
                lane[tap * Lanes + i] = weight[(firstChannel + i) * Taps + tap];
            return new(Vector256.Load(lane), Vector256.Load(lane + Lanes), Vector256.Load(lane + 2 * Lanes), Vector256.Load(bias + firstChannel));
        }

        /// <summary>The output at step <paramref name="t"/>, whose input row is <paramref name="row"/>; rows before 0 are the zero padding.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<float> At(float* row, long rowStride, int t)
        {
            var y = Bias;
            if (t >= 2) y = Fma.MultiplyAdd(Tap0, Avx.LoadVector256(row - 2 * rowStride), y);
            if (t >= 1) y = Fma.MultiplyAdd(Tap1, Avx.LoadVector256(row - rowStride), y);
            return Fma.MultiplyAdd(Tap2, Avx.LoadVector256(row), y);
        }
    }

    /// <summary>8 × 8 transpose: rows become columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(Span<Vector256<float>> r)
    {
        var t0 = Avx.UnpackLow(r[0], r[1]); var t1 = Avx.UnpackHigh(r[0], r[1]);
        var t2 = Avx.UnpackLow(r[2], r[3]); var t3 = Avx.UnpackHigh(r[2], r[3]);
        var t4 = Avx.UnpackLow(r[4], r[5]); var t5 = Avx.UnpackHigh(r[4], r[5]);
        var t6 = Avx.UnpackLow(r[6], r[7]); var t7 = Avx.UnpackHigh(r[6], r[7]);
        var s0 = Avx.Shuffle(t0, t2, 0x44); var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44); var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44); var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44); var s7 = Avx.Shuffle(t5, t7, 0xEE);
        r[0] = Avx.Permute2x128(s0, s4, 0x20); r[1] = Avx.Permute2x128(s1, s5, 0x20);
        r[2] = Avx.Permute2x128(s2, s6, 0x20); r[3] = Avx.Permute2x128(s3, s7, 0x20);
        r[4] = Avx.Permute2x128(s0, s4, 0x31); r[5] = Avx.Permute2x128(s1, s5, 0x31);
        r[6] = Avx.Permute2x128(s2, s6, 0x31); r[7] = Avx.Permute2x128(s3, s7, 0x31);
    }

    /// <summary>
    /// Reads 8 channel rows (<paramref name="stride"/> apart) at <paramref name="count"/> ≤ 8 steps into
    /// <paramref name="tile"/>[step], one lane per channel; missing steps read as zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LoadTile(float* first, long stride, int count, Span<Vector256<float>> tile)
    {
        if (count == Lanes)
        {
            for (var i = 0; i < Lanes; i++) tile[i] = Avx.LoadVector256(first + i * stride);
            Transpose(tile);
            return;
        }
        var buffer = stackalloc float[Lanes * Lanes];
        for (var step = 0; step < Lanes; step++)
        for (var i = 0; i < Lanes; i++)
            buffer[step * Lanes + i] = step < count ? first[i * stride + step] : 0f;
        for (var step = 0; step < Lanes; step++) tile[step] = Avx.LoadVector256(buffer + step * Lanes);
    }

    /// <summary>The inverse of <see cref="LoadTile"/>: writes <paramref name="count"/> steps; the tile is clobbered.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void StoreTile(Span<Vector256<float>> tile, float* first, long stride, int count)
    {
        Transpose(tile);
        if (count == Lanes)
        {
            for (var i = 0; i < Lanes; i++) Avx.Store(first + i * stride, tile[i]);
            return;
        }
        var buffer = stackalloc float[Lanes];
        for (var i = 0; i < Lanes; i++)
        {
            Avx.Store(buffer, tile[i]);
            for (var step = 0; step < count; step++) first[i * stride + step] = buffer[step];
        }
    }

    /// <summary>Zeroes columns L … n − 1 of 8 FFT-side rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ClearTails(float* first, Shape shape)
    {
        for (var i = 0; i < Lanes; i++)
            new Span<float>(first + i * shape.FftRow + shape.Length, (int)(shape.FftRow - shape.Length)).Clear();
    }

    private static void ForEachGroup(Shape shape, int threads, Action<int> body)
    {
        OpenMpTeam.For(shape.Width / Lanes, threads, body);
    }

    /// <summary>z[b, c, t] = x1[b, t, c] · v[b, t, c], from the in-projection u (B × L × 3d) to z (B × d × n).</summary>
    public static void GateInput(Shape shape, int threads, nint u, nint weight, nint bias, nint z)
    {
        ForEachGroup(shape, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (group) =>
        {
            var channel = group * Lanes;
            long width = shape.Width, rowStride = shape.Channels, length = shape.Length;
            var x1Conv = ShortConv.For((float*)weight, (float*)bias, shape.Width + channel);
            var vConv = ShortConv.For((float*)weight, (float*)bias, 2 * shape.Width + channel);
            Span<Vector256<float>> tile = stackalloc Vector256<float>[Lanes];
            for (var b = 0; b < shape.Batch; b++)
            {
                var row = (float*)u + b * length * rowStride + channel;
                var zRows = (float*)z + (b * width + channel) * shape.FftRow;
                for (var t0 = 0; t0 < shape.Length; t0 += Lanes)
                {
                    var count = Math.Min(Lanes, shape.Length - t0);
                    for (var step = 0; step < count; step++, row += rowStride)
                        tile[step] = x1Conv.At(row + width, rowStride, t0 + step) * vConv.At(row + 2 * width, rowStride, t0 + step);
                    StoreTile(tile, zRows + t0, shape.FftRow, count);
                }
                ClearTails(zRows, shape);
            }
        });
    }

    /// <summary>
    /// s[b, c, t] = conv[b, c, t] + D[c] · z[b, c, t] (B × d × L, kept for the backward pass; not stored where
    /// <paramref name="s"/> is 0) and
    /// y[b, t, c] = s[b, c, t] · x0[b, t, c] (B × L × d), the operator's output before out_proj.
    /// </summary>
    public static void GateOutput(Shape shape, int threads, nint u, nint weight, nint bias, nint convolution, nint z, nint skip, nint s, nint y)
    {
        ForEachGroup(shape, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (group) =>
        {
            var channel = group * Lanes;
            long width = shape.Width, rowStride = shape.Channels, length = shape.Length;
            var x0Conv = ShortConv.For((float*)weight, (float*)bias, channel);
            var d = Avx.LoadVector256((float*)skip + channel);
            Span<Vector256<float>> sums = stackalloc Vector256<float>[Lanes];
            Span<Vector256<float>> zTile = stackalloc Vector256<float>[Lanes];
            for (var b = 0; b < shape.Batch; b++)
            {
                var row = (float*)u + b * length * rowStride + channel;
                var yRow = (float*)y + b * length * width + channel;
                var fftRows = (b * width + channel) * shape.FftRow;
                var sRows = (float*)s + (b * width + channel) * length;
                for (var t0 = 0; t0 < shape.Length; t0 += Lanes)
                {
                    var count = Math.Min(Lanes, shape.Length - t0);
                    LoadTile((float*)convolution + fftRows + t0, shape.FftRow, count, sums);
                    LoadTile((float*)z + fftRows + t0, shape.FftRow, count, zTile);
                    for (var step = 0; step < count; step++, row += rowStride, yRow += width)
                    {
                        sums[step] = Fma.MultiplyAdd(d, zTile[step], sums[step]);
                        Avx.Store(yRow, sums[step] * x0Conv.At(row, rowStride, t0 + step));
                    }
                    if (s != 0) StoreTile(sums, sRows + t0, length, count);
                }
            }
        });
    }

    /// <summary>
    /// Backward through the output gate: gy[b, c, t] = g[b, t, c] · x0[b, t, c] (B × d × n, the gradient of
    /// the convolution's output) and the D term's gradient, Σ_b,t gy · z.
    /// </summary>
    public static void GateOutputGrad(Shape shape, int threads, nint u, nint weight, nint bias, nint gradOutput, nint gy, nint gradSkip)
    {
        ForEachGroup(shape, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (group) =>
        {
            var channel = group * Lanes;
            long width = shape.Width, rowStride = shape.Channels, length = shape.Length;
            var x0Conv = ShortConv.For((float*)weight, (float*)bias, channel);
            var x1Conv = ShortConv.For((float*)weight, (float*)bias, shape.Width + channel);
            var vConv = ShortConv.For((float*)weight, (float*)bias, 2 * shape.Width + channel);
            Span<Vector256<float>> tile = stackalloc Vector256<float>[Lanes];
            var skipSum = Vector256<float>.Zero;
            for (var b = 0; b < shape.Batch; b++)
            {
                var row = (float*)u + b * length * rowStride + channel;
                var gRow = (float*)gradOutput + b * length * width + channel;
                var gyRows = (float*)gy + (b * width + channel) * shape.FftRow;
                for (var t0 = 0; t0 < shape.Length; t0 += Lanes)
                {
                    var count = Math.Min(Lanes, shape.Length - t0);
                    for (var step = 0; step < count; step++, row += rowStride, gRow += width)
                    {
                        var t = t0 + step;
                        var g = Avx.LoadVector256(gRow) * x0Conv.At(row, rowStride, t);
                        var z = x1Conv.At(row + width, rowStride, t) * vConv.At(row + 2 * width, rowStride, t);
                        skipSum = Fma.MultiplyAdd(g, z, skipSum);
                        tile[step] = g;
                    }
                    StoreTile(tile, gyRows + t0, shape.FftRow, count);
                }
                ClearTails(gyRows, shape);
            }
            Avx.Store((float*)gradSkip + channel, skipSum);
        });
    }

    /// <summary>
    /// Backward through the input gate and the short conv. With gz = convGrad + D · gy (the gradient of z),
    /// the short conv's output gradient is (g · s, gz · v, gz · x1) for (x0, x1, v); from it the gradients of
    /// u (B × L × 3d), of the short filter's weight (3d × 1 × 3) and of its bias (3d).
    /// </summary>
    /// <param name="convolutionGrad">B × d rows of n: the correlation of gy with the filter.</param>
    public static void ShortConvGrad(Shape shape, int threads, nint u, nint weight, nint bias, nint gradOutput, nint s,
        nint convolutionGrad, nint gy, nint skip, nint gradU, nint gradWeight, nint gradBias)
    {
        ForEachGroup(shape, threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (group) =>
        {
            var channel = group * Lanes;
            long width = shape.Width, rowStride = shape.Channels, length = shape.Length;
            var x1Conv = ShortConv.For((float*)weight, (float*)bias, shape.Width + channel);
            var vConv = ShortConv.For((float*)weight, (float*)bias, 2 * shape.Width + channel);
            var d = Avx.LoadVector256((float*)skip + channel);
            Span<Vector256<float>> gz = stackalloc Vector256<float>[Lanes];
            Span<Vector256<float>> grads = stackalloc Vector256<float>[3 * Lanes];
            Span<ShortConvGradient> parts = stackalloc ShortConvGradient[3];
            parts[0] = ShortConvGradient.For(ShortConv.For((float*)weight, (float*)bias, channel));
            parts[1] = ShortConvGradient.For(x1Conv);
            parts[2] = ShortConvGradient.For(vConv);
            for (var b = 0; b < shape.Batch; b++)
            {
                var row = (float*)u + b * length * rowStride + channel;
                var gRow = (float*)gradOutput + b * length * width + channel;
                var fftRows = (b * width + channel) * shape.FftRow;
                var sRows = (float*)s + (b * width + channel) * length;
                var guRow = (float*)gradU + b * length * rowStride + channel;
                for (var part = 0; part < 3; part++) parts[part].Restart();
                for (var t0 = 0; t0 < shape.Length; t0 += Lanes)
                {
                    var count = Math.Min(Lanes, shape.Length - t0);
                    var x0Grad = grads[..Lanes];
                    LoadTile((float*)convolutionGrad + fftRows + t0, shape.FftRow, count, gz);
                    LoadTile((float*)gy + fftRows + t0, shape.FftRow, count, grads[Lanes..(2 * Lanes)]);
                    LoadTile(sRows + t0, length, count, x0Grad);
                    var tileRow = row;
                    for (var step = 0; step < count; step++, tileRow += rowStride, gRow += width)
                    {
                        var gzStep = Fma.MultiplyAdd(d, grads[Lanes + step], gz[step]);
                        var x1 = x1Conv.At(tileRow + width, rowStride, t0 + step);
                        var v = vConv.At(tileRow + 2 * width, rowStride, t0 + step);
                        x0Grad[step] *= Avx.LoadVector256(gRow);
                        grads[Lanes + step] = gzStep * v;
                        grads[2 * Lanes + step] = gzStep * x1;
                    }
                    for (var part = 0; part < 3; part++)
                        parts[part].Accumulate(grads.Slice(part * Lanes, Lanes), row + part * width, guRow + part * width, rowStride, t0, count);
                    row += count * rowStride;
                    guRow += count * rowStride;
                }
                for (var part = 0; part < 3; part++)
                    parts[part].Finish(guRow + part * width, rowStride, shape.Length);
            }
            for (var part = 0; part < 3; part++)
                parts[part].StoreSums((float*)gradWeight, (float*)gradBias, part * shape.Width + channel);
        });
    }

    /// <summary>
    /// Gradient of one part's short conv over 8 channels: u's gradient row by row, and the sums for the
    /// weight (Σ g[t] · u[t − 2 + tap]) and the bias (Σ g[t]) across the whole batch.
    /// </summary>
    private struct ShortConvGradient
    {
        private Vector256<float> tap0, tap1, tap2;
        private Vector256<float> sum0, sum1, sum2, biasSum;
        // Partial u-gradients of rows t − 2 and t − 1, t being the next step.
        private Vector256<float> pending2, pending1;

        public static ShortConvGradient For(ShortConv conv) => new() { tap0 = conv.Tap0, tap1 = conv.Tap1, tap2 = conv.Tap2 };

        public void Restart() => pending2 = pending1 = Vector256<float>.Zero;

        /// <param name="grads">The output gradient at steps t0 … t0 + count − 1.</param>
        /// <param name="row">u at step t0 (this part's channels).</param>
        /// <param name="gradRow">u's gradient at step t0.</param>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Accumulate(Span<Vector256<float>> grads, float* row, float* gradRow, long rowStride, int t0, int count)
        {
            // Locals, not fields, inside the loop (see ShortConv).
            var (w0, w1, w2) = (tap0, tap1, tap2);
            var (s0, s1, s2, bs, p2, p1) = (sum0, sum1, sum2, biasSum, pending2, pending1);
            for (var step = 0; step < count; step++, row += rowStride, gradRow += rowStride)
            {
                var g = grads[step];
                var t = t0 + step;
                s2 = Fma.MultiplyAdd(g, Avx.LoadVector256(row), s2);
                if (t >= 1) s1 = Fma.MultiplyAdd(g, Avx.LoadVector256(row - rowStride), s1);
                bs += g;
                // Row t − 2 now has every term: tap 0 of step t was its last.
                if (t >= 2)
                {
                    s0 = Fma.MultiplyAdd(g, Avx.LoadVector256(row - 2 * rowStride), s0);
                    Avx.Store(gradRow - 2 * rowStride, Fma.MultiplyAdd(w0, g, p2));
                }
                p2 = Fma.MultiplyAdd(w1, g, p1);
                p1 = w2 * g;
            }
            (sum0, sum1, sum2, biasSum, pending2, pending1) = (s0, s1, s2, bs, p2, p1);
        }

        /// <summary>Writes the last two rows, which no later step adds to.</summary>
        /// <param name="end">u's gradient one row past the sequence's end.</param>
        public readonly void Finish(float* end, long rowStride, int length)
        {
            if (length >= 2) Avx.Store(end - 2 * rowStride, pending2);
            if (length >= 1) Avx.Store(end - rowStride, pending1);
        }

        public readonly void StoreSums(float* gradWeight, float* gradBias, int firstChannel)
        {
            Avx.Store(gradBias + firstChannel, biasSum);
            var lane = stackalloc float[Taps * Lanes];
            Avx.Store(lane, sum0);
            Avx.Store(lane + Lanes, sum1);
            Avx.Store(lane + 2 * Lanes, sum2);
            for (var i = 0; i < Lanes; i++)
            for (var tap = 0; tap < Taps; tap++)
                gradWeight[(firstChannel + i) * Taps + tap] = lane[tap * Lanes + i];
        }
    }
}
