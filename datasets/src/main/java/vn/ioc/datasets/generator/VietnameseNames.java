package vn.ioc.datasets.generator;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Plausible Vietnamese full names, pre-encoded as UTF-8 in NFC (and NFD, for the defect). */
final class VietnameseNames {
    private static final List<String> FAMILY = List.of("Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê",
            "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương");
    private static final List<String> MALE_MIDDLE = List.of("Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân");
    private static final List<String> FEMALE_MIDDLE = List.of("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Phương", "Hồng");
    private static final List<String> MALE_GIVEN = List.of("Anh", "Bảo", "Cường", "Dũng", "Duy", "Hải", "Hiếu", "Hoàng", "Hùng",
            "Huy", "Khánh", "Khoa", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thịnh",
            "Trung", "Tuấn", "Việt", "Vinh");
    private static final List<String> FEMALE_GIVEN = List.of("Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền",
            "Hoa", "Hương", "Lan", "Linh", "Mai", "My", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy",
            "Trang", "Tuyết", "Uyên", "Vân", "Yến");
    private static final int VARIANTS = 4096;

    private final byte[][] maleNfc = new byte[VARIANTS][];
    private final byte[][] femaleNfc = new byte[VARIANTS][];
    private final byte[][] maleNfd = new byte[VARIANTS][];
    private final byte[][] femaleNfd = new byte[VARIANTS][];

    VietnameseNames(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < VARIANTS; i++) {
            String male = pick(random, FAMILY) + " " + pick(random, MALE_MIDDLE) + " " + pick(random, MALE_GIVEN);
            String female = pick(random, FAMILY) + " " + pick(random, FEMALE_MIDDLE) + " " + pick(random, FEMALE_GIVEN);
            maleNfc[i] = utf8(male, Normalizer.Form.NFC);
            femaleNfc[i] = utf8(female, Normalizer.Form.NFC);
            maleNfd[i] = utf8(male, Normalizer.Form.NFD);
            femaleNfd[i] = utf8(female, Normalizer.Form.NFD);
        }
    }

    /** A name; {@code decomposed}: one with a diacritic, in NFD, so that the defect shows (Phan Minh Long has none). */
    byte[] name(SplittableRandom random, boolean female, boolean decomposed) {
        byte[][] nfc = female ? femaleNfc : maleNfc;
        byte[][] nfd = female ? femaleNfd : maleNfd;
        int i = random.nextInt(VARIANTS);
        while (decomposed && Arrays.equals(nfc[i], nfd[i])) {
            i = random.nextInt(VARIANTS);
        }
        return decomposed ? nfd[i] : nfc[i];
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String text, Normalizer.Form form) {
        return Normalizer.normalize(text, form).getBytes(StandardCharsets.UTF_8);
    }
}
