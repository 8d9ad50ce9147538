# syntax=docker/dockerfile:1
# Azurite, the Azure Blob Storage emulator, at exactly the version the tests use (infra/azurite/package-lock.json).
# Build from the repository root: docker build -f infra/docker/azurite.Dockerfile -t hyenaflow-azurite .
FROM node:22-bookworm-slim

WORKDIR /opt/azurite
COPY infra/azurite/package.json infra/azurite/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && mkdir -p /data && chown node:node /data

USER node
EXPOSE 10000
# Blob service only (HyenaFlow's artifact store needs nothing else), listening on every interface of the container,
# data in /data. --loose and --skipApiVersionCheck: newer Azure SDKs send headers and API versions Azurite may not know yet.
CMD ["node", "/opt/azurite/node_modules/azurite/dist/src/blob/main.js", \
     "--blobHost", "0.0.0.0", "--blobPort", "10000", "--location", "/data", \
     "--loose", "--skipApiVersionCheck", "--disableTelemetry"]
