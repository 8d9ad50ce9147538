using HyenaFlow.Engine.Model;

namespace HyenaFlow.Engine.Checkpoints;

/// <summary>A published checkpoint downloaded and proven loadable.</summary>
/// <param name="Folder">The destination folder: <c>config.json</c> and <c>weights.ckpt</c>.</param>
/// <param name="Source">The folder address the files came from.</param>
/// <param name="Config">The configuration config.json declares.</param>
/// <param name="TensorsLoaded">Tensors a strict import filled.</param>
/// <param name="WeightsSha256">sha256 of weights.ckpt (pass it as the expected checksum to pin the file next time).</param>
/// <param name="WeightsBytes">Size of weights.ckpt.</param>
/// <param name="Requests">HTTP requests made, retries and resumes included (0 when everything was already staged).</param>
public sealed record DownloadedCheckpoint(
    string Folder,
    Uri Source,
    HyenaDnaConfig Config,
    int TensorsLoaded,
    string WeightsSha256,
    long WeightsBytes,
    int Requests);
