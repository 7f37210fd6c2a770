package eu.invoicing.fiscal;

import eu.invoicing.core.ValidationException;
import eu.invoicing.core.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A FURS business premise ({@code BusinessPremiseRequest.BusinessPremise}, technical specification v3.2,
 * chapter 3.2.1): an immovable premise (cadastral identification and address) or a movable one (type A, B or
 * C), from a validity date, optionally closed ({@code ClosingTag} {@code Z}, after which invoices naming it fail
 * with {@code S006}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param taxNumber the taxpayer's 8-digit tax number, not null
 * @param premiseId {@code BusinessPremiseID}: 1–20 of {@code [0-9a-zA-Z]}, not null
 * @param realEstate the immovable premise, or null for a movable one
 * @param movable the movable premise's type, or null for an immovable one
 * @param validityDate from when the data hold, not null
 * @param closing true to report the premise closed
 * @param softwareSupplierTaxNumber the Slovenian tax number of the cash-register software's supplier, nullable
 *     when {@code foreignSoftwareSupplier} is given
 * @param foreignSoftwareSupplier the name and address of a foreign supplier ({@code NameForeign}), nullable
 * @param specialNotes free text up to 1000 characters, nullable
 */
public record BusinessPremise(String taxNumber, String premiseId, RealEstate realEstate, MovableType movable,
        LocalDate validityDate, boolean closing, String softwareSupplierTaxNumber, String foreignSoftwareSupplier,
        String specialNotes) {
    private static final Pattern ID = Pattern.compile("[0-9a-zA-Z]{1,20}");
    private static final Pattern TAX = Pattern.compile("[0-9]{8}");
    private static final int MAX_NOTES = 1000;

    /**
     * The type of a movable premise.
     *
     * <p>Immutable and thread-safe.
     */
    public enum MovableType {
        /** A movable object (a vehicle, a movable stand). */
        A,
        /** An object at a permanent location (a market stall, a newsstand). */
        B,
        /** An individual electronic device where the taxpayer has no other premise (taxi, home sales). */
        C
    }

    /**
     * An immovable premise: the property's cadastral identification and its address.
     *
     * <p>Immutable and thread-safe.
     *
     * @param cadastralNumber the cadastral municipality number
     * @param buildingNumber the building number
     * @param buildingSectionNumber the building section number
     * @param street not null
     * @param houseNumber not null
     * @param houseNumberAdditional nullable
     * @param community not null
     * @param city not null
     * @param postalCode 4 digits, not null
     */
    public record RealEstate(int cadastralNumber, int buildingNumber, int buildingSectionNumber, String street,
            String houseNumber, String houseNumberAdditional, String community, String city, String postalCode) {
    }

    /**
     * Checks every field, naming each bad one.
     *
     * @param taxNumber the taxpayer's 8-digit tax number, not null
     * @param premiseId {@code BusinessPremiseID}, not null
     * @param realEstate the immovable premise, or null for a movable one
     * @param movable the movable premise's type, or null for an immovable one
     * @param validityDate from when the data hold, not null
     * @param closing true to report the premise closed
     * @param softwareSupplierTaxNumber the software supplier's Slovenian tax number, nullable
     * @param foreignSoftwareSupplier a foreign supplier's name and address, nullable
     * @param specialNotes free text up to 1000 characters, nullable
     * @throws ValidationException listing every bad field
     */
    public BusinessPremise {
        List<Violation> bad = new ArrayList<>();
        if (taxNumber == null || !TAX.matcher(taxNumber).matches()) {
            bad.add(Violation.of("tax_number", "invalid_format", "the taxpayer's tax number must be 8 digits"));
        }
        if (premiseId == null || !ID.matcher(premiseId).matches()) {
            bad.add(Violation.of("premise_id", "invalid_format", "BusinessPremiseID must be 1-20 letters or digits"));
        }
        if ((realEstate == null) == (movable == null)) {
            bad.add(Violation.of("real_estate", "invalid", "a premise is either immovable (real_estate) or movable "
                    + "(movable), exactly one of them"));
        }
        if (realEstate != null) {
            requireText(bad, "real_estate.street", realEstate.street());
            requireText(bad, "real_estate.house_number", realEstate.houseNumber());
            requireText(bad, "real_estate.community", realEstate.community());
            requireText(bad, "real_estate.city", realEstate.city());
            if (realEstate.postalCode() == null || !realEstate.postalCode().matches("[0-9]{4}")) {
                bad.add(Violation.of("real_estate.postal_code", "invalid_format", "the postal code must be 4 digits"));
            }
            if (realEstate.cadastralNumber() <= 0 || realEstate.buildingNumber() <= 0
                    || realEstate.buildingSectionNumber() <= 0) {
                bad.add(Violation.of("real_estate.cadastral_number", "invalid", "the cadastral, building and "
                        + "building section numbers must be positive"));
            }
        }
        if (validityDate == null) {
            bad.add(Violation.of("validity_date", "required", "the validity date is required"));
        }
        boolean domestic = softwareSupplierTaxNumber != null;
        if (domestic == (foreignSoftwareSupplier != null && !foreignSoftwareSupplier.isBlank())) {
            bad.add(Violation.of("software_supplier", "invalid", "name the software supplier once: by its Slovenian "
                    + "tax number or, for a foreign one, by name"));
        } else if (domestic && !TAX.matcher(softwareSupplierTaxNumber).matches()) {
            bad.add(Violation.of("software_supplier", "invalid_format", "the supplier's tax number must be 8 digits"));
        }
        if (specialNotes != null && specialNotes.length() > MAX_NOTES) {
            bad.add(Violation.of("special_notes", "too_long", "special notes are at most 1000 characters"));
        }
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
    }

    private static void requireText(List<Violation> bad, String path, String value) {
        if (value == null || value.isBlank()) {
            bad.add(Violation.of(path, "required", path + " is required"));
        }
    }

    /** @return the {@code BusinessPremise} fields in FURS's names and order */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TaxNumber", Long.valueOf(taxNumber));
        m.put("BusinessPremiseID", premiseId);
        Map<String, Object> id = new LinkedHashMap<>();
        if (realEstate != null) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("CadastralNumber", realEstate.cadastralNumber());
            property.put("BuildingNumber", realEstate.buildingNumber());
            property.put("BuildingSectionNumber", realEstate.buildingSectionNumber());
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("Street", realEstate.street());
            address.put("HouseNumber", realEstate.houseNumber());
            if (realEstate.houseNumberAdditional() != null) {
                address.put("HouseNumberAdditional", realEstate.houseNumberAdditional());
            }
            address.put("Community", realEstate.community());
            address.put("City", realEstate.city());
            address.put("PostalCode", realEstate.postalCode());
            Map<String, Object> bp = new LinkedHashMap<>();
            bp.put("PropertyID", property);
            bp.put("Address", address);
            id.put("RealEstateBP", bp);
        } else {
            id.put("PremiseType", movable.name());
        }
        m.put("BPIdentifier", id);
        m.put("ValidityDate", validityDate.toString());
        if (closing) {
            m.put("ClosingTag", "Z");
        }
        Map<String, Object> supplier = new LinkedHashMap<>();
        if (softwareSupplierTaxNumber != null) {
            supplier.put("TaxNumber", Long.valueOf(softwareSupplierTaxNumber));
        } else {
            supplier.put("NameForeign", foreignSoftwareSupplier);
        }
        m.put("SoftwareSupplier", List.of(supplier));
        if (specialNotes != null) {
            m.put("SpecialNotes", specialNotes);
        }
        return m;
    }

    /**
     * @param date the closing's validity date, not null
     * @return this premise reported closed from that date
     */
    public BusinessPremise closed(LocalDate date) {
        return new BusinessPremise(taxNumber, premiseId, realEstate, movable, date, true, softwareSupplierTaxNumber,
                foreignSoftwareSupplier, specialNotes);
    }
}
