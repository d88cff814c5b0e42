package dk.mico.rightsdesk.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Contact persons as a Danish company has them, for the drivers that grow the demo company: first names (a second
 * one for some), surnames, e-mail addresses, phones and postal addresses drawn from lists by a generator seeded with
 * the person's number, so that person {@code i} is the same in every run and whatever else is generated. Common names
 * repeat as they do in a real register (the surnames' lists are short, as Denmark's most common surnames are a large
 * share of everyone), so that a lookup by name finds as many namesakes as it would at a company of that size; an
 * e-mail address carries the person's number and is their own.
 */
final class GeneratedPeople {

  /** A person as the generator makes them. */
  record Person(String fullName, String email, String phone, String postalAddress) {}

  private static final long SEED = 0x5EED_0F_DA7AL;

  private static final List<String> FIRST_NAMES = List.of(
      "Anne", "Kirsten", "Hanne", "Mette", "Anna", "Helle", "Susanne", "Lene", "Maria", "Marianne", "Inge", "Camilla",
      "Pia", "Louise", "Charlotte", "Ida", "Julie", "Emma", "Sofie", "Freja", "Laura", "Karen", "Tina", "Bente",
      "Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Jan", "Niels", "Christian", "Martin", "Rasmus",
      "Jesper", "Anders", "Morten", "Mads", "Jørgen", "Hans", "Per", "Ole", "Kim", "Mikkel", "Frederik", "Emil",
      "William", "Oliver", "Noah", "Lucas", "Victor", "Magnus", "Sarah", "Emily", "James", "John", "David", "Olivia",
      "Astrid", "Ingrid", "Signe", "Malene", "Rikke", "Dorthe", "Birgitte", "Gitte", "Lone", "Jette", "Bo", "Finn",
      "Poul", "Erik", "Knud", "Torben", "Kasper", "Jonas", "Simon", "Tobias");
  private static final List<String> SURNAMES = List.of(
      "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
      "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
      "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen", "Henriksen",
      "Lund", "Schmidt", "Eriksen", "Holm", "Kristiansen", "Clausen", "Simonsen", "Svendsen", "Andreasen",
      "Iversen", "Østergaard", "Jeppesen", "Vestergaard", "Nissen", "Lauridsen", "Kjær", "Jespersen", "Mogensen",
      "Skov", "Dam", "Bach", "Smith", "Brown", "Taylor", "Wilson", "Kowalski", "Nguyen", "Hussein", "Yilmaz");
  private static final List<String> DOMAINS = List.of(
      "gmail.com", "hotmail.com", "outlook.dk", "live.dk", "yahoo.dk", "mail.dk", "jubii.dk", "firma.dk",
      "kunde.dk", "tdcadsl.dk");
  private static final List<String> STREETS = List.of(
      "Vestergade", "Østergade", "Nørregade", "Søndergade", "Algade", "Storegade", "Kirkevej", "Skolevej",
      "Møllevej", "Strandvejen", "Parkvej", "Skovvej", "Birkevej", "Bøgevej", "Egevej", "Stationsvej", "Byvej",
      "Engvej", "Havnegade", "Jernbanegade", "Bredgade", "Nyvej", "Vængevej", "Toftevej");
  private static final List<String> TOWNS = List.of(
      "1000 København K", "2100 København Ø", "2200 København N", "2300 København S", "2500 Valby",
      "2720 Vanløse", "2800 Kongens Lyngby", "3000 Helsingør", "4000 Roskilde", "5000 Odense C", "6000 Kolding",
      "6700 Esbjerg", "7100 Vejle", "7400 Herning", "8000 Aarhus C", "8200 Aarhus N", "8400 Ebeltoft",
      "8700 Horsens", "8800 Viborg", "9000 Aalborg");

  private GeneratedPeople() {}

  static Person person(long number) {
    SplittableRandom random = new SplittableRandom(SEED + number);
    String first = pick(random, FIRST_NAMES);
    String middle = random.nextInt(4) == 0 ? pick(random, FIRST_NAMES) : null;
    String surname = pick(random, SURNAMES);
    String fullName = middle == null ? first + " " + surname : first + " " + middle + " " + surname;
    String local = switch (random.nextInt(3)) {
      case 0 -> mailable(first) + "." + mailable(surname);
      case 1 -> mailable(first) + mailable(surname);
      default -> mailable(first.substring(0, 1) + (middle == null ? "" : middle.substring(0, 1)) + surname);
    };
    String email = local + number + "@" + pick(random, DOMAINS);
    String digits = String.valueOf(20_000_000 + random.nextInt(80_000_000));
    String phone = switch (random.nextInt(3)) {
      case 0 -> "+45 " + digits.substring(0, 2) + " " + digits.substring(2, 4) + " " + digits.substring(4, 6) + " "
          + digits.substring(6);
      case 1 -> digits;
      default -> "+45" + digits;
    };
    String postalAddress = pick(random, STREETS) + " " + (1 + random.nextInt(150)) + ", " + pick(random, TOWNS);
    return new Person(fullName, email, phone, postalAddress);
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A name as people write it in an address: lower case, the Danish letters spelled out. */
  private static String mailable(String name) {
    return name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
  }
}
