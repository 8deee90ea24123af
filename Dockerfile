# syntax=docker/dockerfile:1
# AFAS for Teams. Build: docker build -t afas-for-teams .   Guide: docs/deploy.md ("Docker").
# The build stages have the dev dependencies and a compiler; the runtime has neither.

# better-sqlite3 compiles its native addon here when no prebuilt binary fits the platform.
FROM node:22-bookworm-slim AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

# Compile TypeScript (and the tab, once it has a build script) with every dependency.
FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm run --if-present build:tab \
 && mkdir -p tab/dist

# Production dependencies only, native addons built for this image's Node and libc.
FROM toolchain AS deps
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim AS runtime
# The Agents Playground is a development tool and is not in this image.
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data \
    PLAYGROUND=false
WORKDIR /app
COPY --from=deps /app/package.json /app/package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/tab/dist ./tab/dist
RUN mkdir -p /data && chown node:node /data
# The embedded SQLite database and, in demo mode, the generated key. Unused with DATABASE_URL.
VOLUME ["/data"]
USER node
EXPOSE 3978
# No curl in the slim image: Node's fetch asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1 hears SIGTERM and stops gracefully; npm start would not pass it on.
CMD ["node", "dist/src/server.js"]
