namespace HyenaFlow.Genomics.Synthesis;

/// <summary>Preset sizes of generated data: <see cref="Demo"/> runs a CPU demo in seconds, <see cref="Small"/> has the thesis's cohort sizes.</summary>
public enum SynthesisProfile
{
    Demo,
    Small,
}
