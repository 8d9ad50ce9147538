namespace HyenaFlow.Engine.Training;

/// <summary>The outcome of a pre-training run.</summary>
/// <param name="Steps">Optimiser steps done in total (including those before a resume).</param>
/// <param name="FinalLoss">Training loss of the last step.</param>
/// <param name="FinalCheckpointPath">The last checkpoint written (its weights give the pretrained arm a backbone), or null.</param>
public sealed record PretrainResult(long Steps, double FinalLoss, string? FinalCheckpointPath);
