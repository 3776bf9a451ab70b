# syntax=docker/dockerfile:1
# Workplan: build with the Maven wrapper, run the layered Spring Boot jar on a JRE as a non-root user.
# Use with docker-compose.yml, which supplies PostgreSQL and the SPRING_DATASOURCE_* settings.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN chmod +x mvnw
COPY src/ src/
COPY scripts/check-production-jar.sh scripts/
# the production jar: no embedded PostgreSQL, only the webjar files the pages load (profile production in pom.xml);
# the check fails the build when the jar outgrows its budget or holds what production does not need.
# The cache keeps Maven and the dependencies between builds (BuildKit).
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -Pproduction -DskipTests package \
    && mv target/workplan-*.jar application.jar \
    && bash scripts/check-production-jar.sh application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# a Chinese font for the PDF export (workplan.pdf.fonts looks for it first)
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system workplan \
    && useradd --system --gid workplan --home-dir /app --shell /usr/sbin/nologin workplan
WORKDIR /app
# the layers from the least to the most often changed
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
USER workplan
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8" \
    PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-jar", "application.jar"]
