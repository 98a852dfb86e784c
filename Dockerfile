# Production-like image: gunicorn serving the site, static files by WhiteNoise.
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango and fonts for WeasyPrint's PDFs; nothing is fetched at run time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# collectstatic needs production settings, hence a throw-away key (a weak one is refused).
RUN DEBUG=false SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && useradd --system --home /app lscb \
    && mkdir -p /var/lib/lscb/media /var/lib/lscb/search-index && chown lscb /var/lib/lscb/media /var/lib/lscb/search-index

# The search index's folder (reviews/search_index.py): one the app's user may write.
ENV SEARCH_INDEX_DIR=/var/lib/lscb/search-index
USER lscb
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn lscb.wsgi --bind 0.0.0.0:8000 --workers 3 --access-logfile -"]
