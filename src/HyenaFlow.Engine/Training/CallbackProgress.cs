namespace HyenaFlow.Engine.Training;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its action at once on the training thread (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronisation context), so a report can cancel the run
/// at an exact step.
/// </summary>
public sealed class CallbackProgress<T>(Action<T> action) : IProgress<T>
{
    public void Report(T value) => action(value);
}
