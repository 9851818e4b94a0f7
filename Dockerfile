# syntax=docker/dockerfile:1
# Multi-stage: the SDK builds and publishes, the ASP.NET runtime image runs as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY CxApi.sln Directory.Build.props Directory.Packages.props ./
COPY src/CxApi/CxApi.csproj src/CxApi/
RUN dotnet restore src/CxApi/CxApi.csproj
COPY src/ src/
RUN dotnet publish src/CxApi/CxApi.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's built-in non-root user "app" (UID 1654) owns the SQLite directory.
RUN mkdir -p /app/data && chown app:app /app/data
USER app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__Provider=Sqlite \
    ConnectionStrings__Cx="Data Source=/app/data/cx.db"
VOLUME ["/app/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://localhost:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "CxApi.dll"]
