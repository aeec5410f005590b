// Span rules of the NER applied after decoding one sentence (internal to
// models/): facts the learned model gets wrong for lack of examples, each
// narrow. Run by NerTagger::TagForms after SplitTitlesFromPersons.
#ifndef NEWSGRAPH_MODELS_NER_SPAN_RULES_H_
#define NEWSGRAPH_MODELS_NER_SPAN_RULES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/gazetteer.h"
#include "models/ner_names.h"

namespace newsgraph::models::ner_internal {

// Over IOB2 `tags` of `forms` (same size):
//  - a learned span that spells a known name exactly (NerNames, may be null)
//    takes the list's type ("Kremlin" ORG, "Gazprom" ORG);
//  - a span followed by a company suffix ("Inc", "Corp", "Plc", "Ltd", "AG" ...)
//    is an ORG and takes the suffix in;
//  - capitalized words before a company suffix ("McLean Industries Inc") are
//    an ORG; before an organization head word ("International Coffee
//    Organization") too, if the model left them all untagged or typed MISC ("Foreign" in
//    "a Foreign Ministry spokesman"), without an article ("The", "A");
//  - a span opening the sentence with "A" or "An" loses it ("A Defence Ministry official");
//    an ORG of three words or more from a nationality to "Ministry" is a NORP and an ORG
//    ("the Chinese Foreign Ministry");
//  - a credit rating before "rating(s)" or after "rated", "to", "from" is no name ("the AA rating");
//  - an untagged known name standing alone ("Kremlin spokesperson") is tagged; so is "Fed"
//    (not "Fed up");
//  - a span ending in a title ("Foreign Minister") before a capitalized word is no name;
//    nor is a PERSON span ending in "Minister" or "Secretary" ("Treasury Secretary under Nixon");
//    nor is a span of one or two words before "Minister" or "Secretary" and a capitalized
//    word ("Foreign" in "Foreign Minister Sergei Lavrov"), unless the gazetteer knows it
//    ("U.S. Secretary"; nationalities, NORP, are left alone);
//  - "Newsroom" ends no name ("Tokyo Newsroom": the place alone);
//  - a month or weekday name, a company suffix or a results-line label alone
//    ("Aug", "Friday", "Co", "Halftime", "Attendance") is no name; "Goldman , Sachs and Co" is one ORG;
//  - a person span run across "of" into the person's country or employer ("Goran
//    Ivanisevic of Croatia", "Jeffrey Leeds of Chemical Bank") ends before "of", and what
//    follows is a place the gazetteer knows (GPE) or an ORG; one with an organization word or
//    company suffix before "of" ("Edwin L. Cox School of Business") is one ORG;
//  - one to three untagged capitalized words after an article and before "administration"
//    or "presidency" are the leader, a PERSON ("the Reagan administration"), unless the
//    gazetteer knows them;
//  - a person or place span ending in an organization head word ("Chicago
//    Mercantile Exchange") is an ORG, as is such a word alone ("the Bank", "the Fed",
//    "the Commission" typed PERSON or as a place), and an acronym typed PERSON in running
//    text that the gazetteer does not know ("MITI said"); so is a head word, "of" and a place typed apart
//    ("Bank of New York", "University of Chicago");
//  - a town of the gazetteer before a club role and a name ("Blackburn captain Tim
//    Sherwood"), or on both sides of a match verb ("Blackburn beat Leicester", "Bolton
//    drew with Leeds"), is a club, an ORG (countries stay places: national teams); with
//    `team_report` (the sentence is from a team-sport report, "SOCCER - ..."), any town
//    not after a locative preposition ("in", "at" ...) and not in a dateline is a club;
//  - a multi-word place or nationality the model split ("North" + "Korean") is
//    one GPE / NORP span, a country name (or England, Scotland, Wales, Northern
//    Ireland) tagged ORG is a GPE, so is a
//    country, capital or city of a million tagged PERSON ("the Paris market"), so is any
//    town of the gazetteer tagged PERSON after "in", "near", "outside" ... ("in Grozny"), and a
//    nationality tagged EVENT, MISC, GPE or LOC, whole or cut after its first word, is a NORP,
//    and so is one of two words or more, whatever its type or untagged ("West German");
//  - a dateline ("LONDON 1996-08-30", also tokenized "1996 - 08 - 30";
//    "AKRON , Ohio 1996-08-23": capitalized words the gazetteer knows as a
//    place, or all-caps words before a full date, then the date) tags each place GPE;
//  - a sports results line ("Japan 2 Syria 1", "Barnsley 3 Bolton 0 ( ... )")
//    or standings row (a team, then two or more integers and only statistics
//    cells: "ORLANDO 56 22 .718 -") tags each team:
//    GPE if it is a country or a UK nation (a national side), else ORG (a club); a cricket
//    scorecard line ("M. Atherton c Moin Khan b Wasim Akram 31") or bowling
//    figures ("Wasim Akram 20-4-55-1") tag each run of capitalized words
//    PERSON; neither with `sports_lines` false.
void ApplySpanRules(const std::vector<std::string_view>& forms, const kb::Gazetteer* gazetteer,
                    const NerNames* names, std::vector<std::string>& tags, bool sports_lines = true,
                    bool team_report = false);

// Names joined by "and" that the model cut in two: "Securities and Exchange Commission",
// "Food and Drug Administration", "First Federal Savings and Loan Association". The word
// before "and" (alone or ending an ORG span) and the first word after it are words the
// news often writes in lower case (`often_lower`, from the NER's word profiles), and an ORG
// ending in an organization head word or a company suffix starts after "and": one ORG.
// Two names are left apart: "Texaco and Pennzoil Co" (not common words), "World Bank and
// International Monetary Fund" (the left part has a head word of its own). Also a founder's
// name the model left untagged before "and" and an ORG of one or two words and a company suffix:
// "Pope and Talbot Inc" (not an acronym, another company, nor a common word).
void JoinNamesAcrossAnd(const std::vector<std::string_view>& forms, const std::vector<bool>& often_lower,
                        std::vector<std::string>& tags);

// A person in a sports results list ("Pete Sampras ( U.S. ) beat ...", "67 Colin
// Montgomerie ( Scotland )"): two to four capitalized words the model left
// untagged right before a country or admin-1 unit ("Scotland", "Ohio") in
// brackets, the first a first name
// (`first_name[i]`: on the first-name list or profiled as one), none a title,
// company suffix or organization head word, is a PERSON (and the untagged
// place, a GPE); capitalized words after a person's bracketed country and before
// a time or points ("... ( Germany ) Ferrari 1:28:15.125") are the team, an ORG. `first_name` has one entry per form.
// With `typed_places`, also such a name the model typed whole as GPE, LOC or FAC ("Adrian
// Voinea ( Romania )") and the gazetteer does not know (off while the word profiles are built).
// With `typed_places`, also the persons of a golf or results line that opens with a score or
// rank ("205 Billy Mayfair 69 68 68 , Fred Couples 70 67 68").
void TagListedPersons(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                      const kb::Gazetteer& gaz, std::vector<std::string>& tags, bool typed_places = false);

// A name after a title that the model left untagged, with the title ("Trade Representative
// Clayton Yeutter", "House Speaker Jim Wright": a run of capitalized words reads to it as one
// name of some other kind): after a title word (IsTitleWord, or "representative", "speaker",
// "commissioner", "negotiator" and plurals), an untagged run of two to four capitalized words
// whose first is a first name (`first_name`: the caller's list, without words the news also
// writes in lower case, such as "Price") and after which no capitalized word follows is a
// PERSON; a run with an organization word or company suffix is not ("Speaker Tom Quell Bank").
// "major", "general" and "chief" in lower case are adjectives, not titles.
void TagPersonsAfterTitles(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                           std::vector<std::string>& tags);

// "the Louvre accord", "the Uruguay Round", "the Kyoto Protocol": a place that names an accord,
// a treaty or a round of talks names that, an other name (MISC), with the word when it is
// capitalized. A country before such a word is a party, not a name ("a U.S.-Japan pact"), but
// for a round. Run after the document pass, so that the place's other mentions stay places.
void TagAccordsNamedAfterPlaces(const std::vector<std::string_view>& forms, const kb::Gazetteer* gaz,
                                std::vector<std::string>& tags);

// A person named after a nationality, as sports copy writes: "Kenyan Daniel Komen won",
// "Briton Colin Jackson", "Moroccan Hicham El Guerrouj". After a demonym of the gazetteer,
// a run of two to four capitalized words (particles such as "El", "de", "van" between them),
// untagged or typed by the model as one place or person with the demonym, and after which no
// capitalized word follows, is a PERSON, the demonym NORP, when its first word is a first name
// (`first_name`, and not a common word: `often_lower`) or the model read the words as a person;
// never with an organization word, title or common word after the first among them, nor when the gazetteer knows the words
// ("Canadian Pacific Railway", "Japanese Finance Ministry", "British West Indies" are left alone).
void TagPersonsAfterNationalities(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                                  const std::vector<bool>& often_lower, const kb::Gazetteer& gaz,
                                  std::vector<std::string>& tags);

// Post-pass: an office and a person's name the model ran into one span of another type
// ("U.S. Trade Representative Clayton Yeutter" one ORG). After a capitalized title word
// comes a listed first name (`first_name[i]`) and one or two more capitalized words that end
// the span: they are the PERSON, unless the last is an organization's head word or suffix or
// the span a facility ("President Grant Quell Hotel" stays). Before the title, the longest
// run the gazetteer knows as a country or place is a GPE, the rest of the office O.
void SplitPersonsFromOffices(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                             const kb::Gazetteer* gazetteer, std::vector<std::string>& tags);

// Clubs named with their town, in a team-sport report ("SOCCER - ..."): "Levski Sofia",
// "Werder Bremen", "Dynamo Kiev", "CSKA Sofia". A name of two or three words, of any type,
// whose last word or words are a town of the gazetteer and whose first word is no first name
// (`first_name`), is an ORG ("Lokomotiv Plovdiv" was a person, "Spartak Pleven" a place).
void TagClubsNamedWithTowns(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                            const kb::Gazetteer& gaz, std::vector<std::string>& tags);

// A capital or a city of a million people opening a sentence, untagged by the model, before
// a word in lower case ("Moscow denied the report", "Beijing said ..."): a GPE. The model
// reads a sentence's first word with little to go on. Not a listed first name or a word
// often written in lower case (`name_or_word`: "Victoria said", "Male unemployment rose"),
// not in a team-sport report (`team_report`: towns stand for clubs there).
void TagCitiesOpeningASentence(const std::vector<std::string_view>& forms, const std::vector<bool>& name_or_word,
                               const kb::Gazetteer& gaz, bool team_report, std::vector<std::string>& tags);

// A person's name the model typed ORG before an apposition ("Maria Zakharova, Russia's
// foreign ministry spokeswoman, said"): an ORG span of two capitalized words right before a
// comma, the first a listed first name that is no common word (`first_name`), the second no
// organization head word or company suffix, not a name the list or the gazetteer knows
// (`known`), and followed by an apposition with a title or role word before its next comma
// ("spokeswoman", "analyst"), is a PERSON.
void TagFirstNamePairsTypedOrg(const std::vector<std::string_view>& forms, const std::vector<bool>& first_name,
                               const std::function<bool(size_t, size_t)>& known, std::vector<std::string>& tags);

}  // namespace newsgraph::models::ner_internal

#endif  // NEWSGRAPH_MODELS_NER_SPAN_RULES_H_
