# The platform image for docker-compose.yml: build the jar first (./mvnw -DskipTests install).
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY api-gateway/target/powernode-devops.jar /app/powernode-devops.jar
ENV POWERNODE_DATA_DIR=/var/lib/powernode
VOLUME /var/lib/powernode
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/powernode-devops.jar"]
