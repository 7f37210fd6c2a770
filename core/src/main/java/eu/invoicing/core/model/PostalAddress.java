package eu.invoicing.core.model;

/**
 * A postal address (EN 16931 BG-12, BG-15), with the same components and wire names as a {@link Party}'s
 * address. Every component is nullable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param address first address line
 * @param address2 second address line
 * @param postCode postal code
 * @param city city
 * @param state state or region
 * @param countryCode ISO 3166-1 alpha-2 code
 */
public record PostalAddress(String address, String address2, String postCode, String city, String state,
        String countryCode) {
    /** @return whether every component is absent */
    public boolean isEmpty() {
        return address == null && address2 == null && postCode == null && city == null && state == null
                && countryCode == null;
    }
}
