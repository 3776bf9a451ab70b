package cn.workplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkplanApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkplanApplication.class, args);
    }
}
