# syntax=docker/dockerfile:1
# The owner data service as a Function Compute 3.0 custom container (components/alicloud/portal.py).
# Build from the project root, for x86_64 (FC runs linux/amd64 images), and push to the Container
# Registry of the function's region; docs/portal.md ("Running as a function") has the commands:
#   docker build --platform linux/amd64 -f deploy/portal.Dockerfile -t <registry>/<namespace>/portal:<tag> .
# FC starts the image's CMD and sends every request to the HTTP server on the function's port
# (https://www.alibabacloud.com/help/en/functioncompute/fc-3-0/user-guide/create-a-custom-image-function).

# An exact tag, never latest; CPython 3.12 as on AWS Lambda (components/aws/portal_package.py).
# Where Docker Hub is out of reach, pass a copy of this image in your ACR: --build-arg PYTHON_IMAGE=...
ARG PYTHON_IMAGE=python:3.12.12-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
# The project's pinned uv (pyproject.toml [tool.uv] required-version) installs exactly uv.lock:
# the portal extra without what the service never imports (the list is PRUNED in
# components/aws/portal_package.py), wheels only, every file checked against the lock's hashes.
RUN pip install --no-cache-dir --disable-pip-version-check uv==0.13.8
WORKDIR /src
COPY pyproject.toml uv.lock ./
RUN uv export --locked --quiet --no-dev --extra portal --no-emit-project \
        --prune pulumi-aws --prune pulumi-alicloud --prune debugpy \
        --format requirements.txt --output-file /tmp/requirements.txt \
 && uv pip install --quiet --target /app --python /usr/local/bin/python --only-binary :all: \
        --no-deps --require-hashes -r /tmp/requirements.txt \
 && rm -rf /app/bin
# The service and the parts of the toolkit it imports (data classes, data-protection catalogue);
# not the dev server (portal/dev.py) nor the test fixtures (components/testing).
COPY portal/ /app/portal/
COPY components/ /app/components/
RUN rm -rf /app/portal/dev.py /app/components/testing \
 && python -m compileall -q /app/portal /app/components

FROM ${PYTHON_IMAGE}
# A system user without a shell or home: the service never runs as root.
RUN useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin portal
COPY --from=build /app /app
ENV PYTHONPATH=/app \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORTAL_HOST=0.0.0.0 \
    PORTAL_PORT=9000
USER 10001:10001
WORKDIR /app
# The port is custom_container_config.port of the function (_CONTAINER_PORT); a test keeps them equal.
EXPOSE 9000
# `python -m portal` checks the settings (one message per problem, exit 2), brings the database to the
# newest schema revision under the advisory lock (portal/migrate.py), then serves the app with uvicorn.
CMD ["python", "-m", "portal"]
