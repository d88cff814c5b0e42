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
  /** Street names are made as Danish ones are, a first part and an ending, so that they are many, as in a country. */
  private static final List<String> STREET_STARTS = List.of(
      "Vester", "Øster", "Nørre", "Sønder", "Kirke", "Skole", "Mølle", "Strand", "Park", "Skov", "Birke", "Bøge",
      "Ege", "Stations", "By", "Eng", "Havne", "Jernbane", "Bred", "Ny", "Toft", "Rosen", "Lind", "Ahorn", "Hasle",
      "Klinte", "Lyng", "Mose", "Bakke", "Dal", "Sø", "Å", "Kilde", "Præste", "Ting", "Kongens", "Dronning",
      "Fasan", "Hjorte", "Ræve", "Ørne", "Svane", "Hvede", "Rug", "Byg", "Kløver", "Valmue", "Hyld", "Hassel", "Pile");
  private static final List<String> STREET_ENDINGS = List.of(
      "vej", "gade", "allé", "stræde", "vænget", "parken", "haven", "toften", "bakken", "stien", "høj", "marken",
      "løkken", "lunden", "engen", "gården");
  private static final List<String> TOWNS = List.of(
      "1000 København K", "1620 København V", "2100 København Ø", "2200 København N", "2300 København S",
      "2400 København NV", "2450 København SV", "2500 Valby", "2600 Glostrup", "2610 Rødovre", "2650 Hvidovre",
      "2700 Brønshøj", "2720 Vanløse", "2730 Herlev", "2750 Ballerup", "2800 Kongens Lyngby", "2820 Gentofte",
      "2900 Hellerup", "2970 Hørsholm", "3000 Helsingør", "3400 Hillerød", "3600 Frederikssund", "4000 Roskilde",
      "4100 Ringsted", "4200 Slagelse", "4300 Holbæk", "4600 Køge", "4700 Næstved", "4800 Nykøbing F",
      "5000 Odense C", "5200 Odense V", "5700 Svendborg", "6000 Kolding", "6100 Haderslev", "6200 Aabenraa",
      "6400 Sønderborg", "6700 Esbjerg", "7000 Fredericia", "7100 Vejle", "7400 Herning", "7500 Holstebro",
      "7800 Skive", "8000 Aarhus C", "8200 Aarhus N", "8210 Aarhus V", "8400 Ebeltoft", "8500 Grenaa",
      "8600 Silkeborg", "8700 Horsens", "8800 Viborg", "8900 Randers C", "9000 Aalborg", "9200 Aalborg SV",
      "9700 Brønderslev", "9800 Hjørring", "9900 Frederikshavn");

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
    String postalAddress = pick(random, STREET_STARTS) + pick(random, STREET_ENDINGS) + " " + (1 + random.nextInt(150))
        + ", " + pick(random, TOWNS);
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
