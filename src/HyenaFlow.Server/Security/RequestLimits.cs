using Microsoft.AspNetCore.Http.Features;

namespace HyenaFlow.Server.Security;

/// <summary>Request bodies are JSON documents of a few kilobytes; anything over 1 MB is refused (413) before it
/// is read. Kestrel enforces the same limit on bodies without a declared length.</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1 << 20;

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxBodyBytes;
            await next(context);
        });
}
