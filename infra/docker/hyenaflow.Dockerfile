# syntax=docker/dockerfile:1
# The HyenaFlow image: the `hyenaflow` command line (serve, worker and every stage verb) with the built Studio.
# Build from the repository root (docker compose does):
#   docker build -f infra/docker/hyenaflow.Dockerfile -t hyenaflow:cpu .
#   docker build -f infra/docker/hyenaflow.Dockerfile --build-arg TORCH_BACKEND=cuda -t hyenaflow:cuda .
# TORCH_BACKEND=cuda references the CUDA 12.8 LibTorch package instead of the CPU one; that package carries its own
# CUDA libraries, so a GPU host needs only the NVIDIA driver and the NVIDIA Container Toolkit.

# --- Studio: the browser designer, a static site that `hyenaflow serve` serves at / ---
FROM node:22-bookworm-slim AS studio
WORKDIR /studio
COPY src/HyenaFlow.Studio/package.json src/HyenaFlow.Studio/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY src/HyenaFlow.Studio/ ./
RUN npm run build

# --- .NET: the command line, framework-dependent for linux-x64 ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND=cpu
WORKDIR /src
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/ src/
# The NuGet cache mount keeps the LibTorch packages (gigabytes for CUDA) between builds. The libstdc++ shim is for
# Debian 12 hosts; this image and the runtime image are Ubuntu 24.04, whose libstdc++ already has what TorchSharp needs.
RUN --mount=type=cache,target=/root/.nuget/packages \
    dotnet publish src/HyenaFlow.Cli/HyenaFlow.Cli.csproj --configuration Release --runtime linux-x64 --self-contained false \
      -p:HyenaFlowTorchBackend=${TORCH_BACKEND} -p:HyenaFlowStdcxxShim=false --output /app

# --- Runtime: ASP.NET Core (serve hosts the API) plus the published app; runs as the image's unprivileged user ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG TORCH_BACKEND=cpu
LABEL org.opencontainers.image.title="HyenaFlow" \
      org.opencontainers.image.description="HyenaDNA cancer-genomics study as workflow-orchestrated jobs (torch backend: ${TORCH_BACKEND})"
COPY --from=build /app /opt/hyenaflow
COPY --from=studio /studio/dist /opt/hyenaflow/studio
COPY --chmod=755 infra/docker/healthcheck.sh /opt/hyenaflow/healthcheck.sh
# The working folder holds the default local state (.hyenaflow/, mlruns/) and the workflow definitions the API edits;
# a named volume mounted on workflows/ starts as a copy of the repository's definitions.
WORKDIR /var/lib/hyenaflow
COPY workflows/ workflows/
RUN mkdir -p .hyenaflow work && chown -R "$APP_UID" /var/lib/hyenaflow
ENV HyenaFlow__Studio=/opt/hyenaflow/studio
USER $APP_UID
ENTRYPOINT ["dotnet", "/opt/hyenaflow/hyenaflow.dll"]
CMD ["--help"]
