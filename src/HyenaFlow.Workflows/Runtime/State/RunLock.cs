using Microsoft.EntityFrameworkCore.Storage;

namespace HyenaFlow.Workflows.Runtime.State;

/// <summary>
/// A run's state held by this process (see <see cref="RuntimeDatabase.LockRunAsync"/>). <see cref="CompleteAsync"/>
/// commits what was saved under it; disposing without completing rolls it back, which is what an exception wants.
/// </summary>
public sealed class RunLock(IDbContextTransaction? transaction) : IAsyncDisposable
{
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null)
            await transaction.DisposeAsync().ConfigureAwait(false);
    }
}
