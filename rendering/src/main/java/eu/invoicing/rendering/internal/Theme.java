package eu.invoicing.rendering.internal;

import eu.invoicing.rendering.Template;

/**
 * The look of one template, read by both backends so that HTML and PDF agree: type faces and sizes,
 * colours (RGB), header arrangement and table style.
 *
 * <p>Immutable and thread-safe.
 */
public record Theme(Template template, boolean serifBody, boolean serifHeadings, float baseSize, float titleSize,
                    int text, int muted, int accent, int rule, HeaderStyle headerStyle, int headerFill,
                    int headerText, int zebra, boolean grid, boolean uppercaseHeadings, float padding,
                    float margin, int band, boolean titleUppercase, boolean doubleRuleTotal) {

    /** No colour. */
    public static final int NONE = -1;

    /** Letter spacing of upper-case item-table headers in the HTML, in em; column widths leave room for it. */
    public static final float HEADER_LETTER_SPACING_EM = 0.06f;

    /** Letter spacing of upper-case titles (classic, fashion) in the HTML, in em. */
    public static final float TITLE_LETTER_SPACING_EM = 0.12f;

    /** @return the item-table header size in points: smaller when the headers are set in upper case */
    public float itemHeaderSize() {
        return uppercaseHeadings ? baseSize * 0.85f : baseSize;
    }

    /** How the top of the first page is arranged. */
    public enum HeaderStyle {
        /** Issuer (and logo) left, title block right. */
        SPLIT,
        /** Issuer centred between rules, title centred below. */
        CENTERED,
        /** Large title first, issuer in small type to the right. */
        TITLE_FIRST,
        /** A full-width dark band holding issuer and title. */
        BAND
    }

    /**
     * @param template the template
     * @return its theme
     */
    public static Theme of(Template template) {
        switch (template) {
            case CLASSIC:
                return new Theme(template, true, true, 10f, 20f, 0x1b1b1b, 0x555555, 0x1b2a41, 0x1b2a41,
                        HeaderStyle.CENTERED, 0xe9ecf1, 0x1b2a41, NONE, true, true, 5f, 20f, NONE, true, true);
            case CONDENSED:
                return new Theme(template, false, false, 8f, 14f, 0x222222, 0x666666, 0x0f766e, 0xcfd8d6,
                        HeaderStyle.SPLIT, 0x0f766e, 0xffffff, 0xf2f7f6, false, false, 2.5f, 12f, NONE, false, false);
            case MINIMAL:
                return new Theme(template, false, false, 9.5f, 30f, 0x333333, 0x8a8a8a, 0x111111, 0xdddddd,
                        HeaderStyle.TITLE_FIRST, NONE, 0x8a8a8a, NONE, false, true, 5.5f, 22f, NONE, false, false);
            case FASHION:
                return new Theme(template, false, true, 9.5f, 30f, 0x2b2024, 0x7a6a70, 0x9d174d, 0xe8d5dc,
                        HeaderStyle.BAND, NONE, 0x9d174d, 0xfbf4f6, false, true, 5f, 16f, 0x2b2024, true, false);
            case MODERN:
            default:
                return new Theme(template, false, false, 9.5f, 24f, 0x1f2937, 0x6b7280, 0x2563eb, 0xe5e7eb,
                        HeaderStyle.SPLIT, 0x2563eb, 0xffffff, 0xf5f7fb, false, false, 5f, 16f, NONE, false, false);
        }
    }
}
