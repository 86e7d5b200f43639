package vn.ioc.datasets.generator;

import java.nio.charset.Charset;
import java.text.Normalizer;

/**
 * Vietnamese in Windows-1258, the legacy code page older government systems still export: the vowels
 * with circumflex, breve and horn are single bytes, while the five tone marks follow as combining marks.
 */
final class LegacyEncoding {
    static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private LegacyEncoding() {
    }

    static byte[] encode(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder cp1258 = new StringBuilder(decomposed.length());
        int i = 0;
        while (i < decomposed.length()) {
            StringBuilder letter = new StringBuilder().append(decomposed.charAt(i));
            StringBuilder tones = new StringBuilder();
            i++;
            while (i < decomposed.length() && Character.getType(decomposed.charAt(i)) == Character.NON_SPACING_MARK) {
                (isVowelModifier(decomposed.charAt(i)) ? letter : tones).append(decomposed.charAt(i));
                i++;
            }
            cp1258.append(Normalizer.normalize(letter, Normalizer.Form.NFC)).append(tones);
        }
        return cp1258.toString().getBytes(WINDOWS_1258);
    }

    /** Circumflex, breve, horn: part of the letter in Windows-1258, not a tone. */
    private static boolean isVowelModifier(char c) {
        return c == '\u0302' || c == '\u0306' || c == '\u031B';
    }
}
