# syntax=docker/dockerfile:1
# Vendorwatch's image: the app built once, started with the same `npm start` entry point as a
# checkout (migrations on start, the catalog seeded on first run). See docs/deploy.md.
#   docker build -t vendorwatch .
#   docker run -p 3000:3000 -v vendorwatch-data:/data vendorwatch          (embedded database)
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://... vendorwatch   (PostgreSQL)
FROM node:20-bookworm-slim

ENV NEXT_TELEMETRY_DISABLED=1
WORKDIR /app

# Dependencies first, so a source change does not reinstall them. The postinstall step generates
# the Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.ts ./scripts/prisma-generate.ts
RUN npm ci --no-audit --no-fund

COPY . .
# Built here, in the layer the app runs from: `npm start` finds the build current and serves it.
# (The build opens a scratch embedded database in .data; the image keeps none of it.)
RUN npm run build && rm -rf .data && mkdir -p /data && chown -R node:node /data /app/.next

ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    VENDORWATCH_DATA_DIR=/data \
    LOG_FORMAT=json \
    UV_THREADPOOL_SIZE=64
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself as PID 1's child (run with --init or compose's init: true), so SIGTERM reaches the app.
CMD ["node", "--import", "tsx", "scripts/start.ts"]
