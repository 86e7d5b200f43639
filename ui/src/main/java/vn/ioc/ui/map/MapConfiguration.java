package vn.ioc.ui.map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.Optional;

/** The province boundary file ({@code ioc.boundaries}, GeoJSON); without one the map shows tiles. */
@Configuration
public class MapConfiguration {
    @Bean
    ProvinceMap provinceMap(@Value("${ioc.boundaries:}") String file) {
        return new ProvinceMap(ProvinceBoundaries.read(file.isBlank() ? Optional.empty() : Optional.of(Path.of(file))));
    }
}
