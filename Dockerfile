# Build the static export, then serve it with nginx and deploy/nginx.conf.
#   docker build -t scaling-workbench .
#   docker run --rm -p 8080:8080 scaling-workbench        # http://localhost:8080/
# Sub-path: docker build --build-arg BASE_PATH=/workbench --build-arg NGINX_CONF=nginx-subpath.conf .
# The image is not built by this repo's tests; its nginx config is (tests/e2e/nginx*.spec.ts run
# Debian's nginx with the same file).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ARG BASE_PATH=""
ENV BASE_PATH=${BASE_PATH} NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && node scripts/precompress.mjs out

FROM nginx:1.27-bookworm
ARG BASE_PATH=""
ARG NGINX_CONF=nginx.conf
COPY deploy/${NGINX_CONF} /etc/nginx/nginx.conf
COPY --from=build /app/out /usr/share/nginx/html${BASE_PATH}
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
