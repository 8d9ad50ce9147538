# syntax=docker/dockerfile:1
# The MLflow tracking server: MLflow's official Python distribution at a pinned version on a slim Python base, so the
# image is built from the default package index rather than pulled from another registry.
# Build from the repository root: docker build -f infra/docker/mlflow.Dockerfile -t hyenaflow-mlflow .
FROM python:3.12-slim-bookworm

ARG MLFLOW_VERSION=3.16.1
RUN pip install --no-cache-dir "mlflow==${MLFLOW_VERSION}" \
 && useradd --create-home --uid 1000 mlflow \
 && mkdir -p /mlflow && chown mlflow:mlflow /mlflow

USER mlflow
EXPOSE 5000
CMD ["mlflow", "server", "--host=0.0.0.0", "--port=5000"]
