# The image of every Airflow service in docker-compose.yml: this project with its locked
# dependencies (Airflow and its Celery and Postgres providers are a default group of
# pyproject.toml), the DAGs in /opt/bulletins/dags.
FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/opt/bulletins/.venv \
    AIRFLOW_HOME=/opt/airflow

RUN pip install --no-cache-dir uv==0.13.9 \
    && useradd --uid 50000 --gid 0 --home-dir /opt/airflow --create-home airflow

WORKDIR /opt/bulletins

# The dependencies alone first: this layer is rebuilt only when the lock file changes.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --no-install-project

COPY etl ./etl
COPY sql ./sql
COPY expectations ./expectations
COPY dags ./dags
COPY scripts ./scripts
COPY samples ./samples
RUN uv sync --locked --no-dev \
    && mkdir -p /data/raw /data/warehouse /opt/airflow/logs \
    && chown -R airflow:0 /data /opt/airflow \
    && chmod -R g+rwX /data /opt/airflow

ENV PATH=/opt/bulletins/.venv/bin:$PATH
USER airflow
CMD ["airflow", "version"]
