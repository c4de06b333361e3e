"""Write hr3446_cosponsors.csv, peace_act_reported_support.csv and their resource.json files.

Every value below was read on a page opened with the search tool on 2026-11-28 (see NOTES.md);
this script only lays the values out. Run: python3 build_tables.py
"""
import csv
import json
from pathlib import Path

HERE = Path(__file__).parent

PARTY_NOTE = ("Party inferred: K News LA (KAPAC figures) said Biggs was the only Republican among the 43 "
              "signers as of 2022-07-15, so every other member who signed by then was not a Republican.")

COSPONSORS = [
    # member, party, state, district, cosponsored_date, original_cosponsor, source, note
    ("Ro Khanna", "D", "CA", "", "2021-05-20", "true",
     "congress-2021-hr3446-ih;newdaily-2021-peace-act-translation;atlantaradiokorea-2021-bourdeaux",
     "Named in the introduced text. Party from the NewDaily translation, state from Atlanta Radio Korea."),
    ("Andy Kim", "D", "NJ", "", "2021-05-20", "true",
     "congress-2021-hr3446-ih;newdaily-2021-peace-act-translation",
     "Named in the introduced text as 'Mr. Kim of New Jersey'."),
    ("Grace Meng", "D", "NY", "", "2021-05-20", "true",
     "congress-2021-hr3446-ih;newdaily-2021-peace-act-translation;atlantaradiokorea-2021-bourdeaux",
     "Named in the introduced text."),
    ("Andy Biggs", "R", "AZ", "", "2021-08-31", "false",
     "urisuwon-2021-hr3446-18-signers;knewsla-2022-hr3446-43-signers",
     "First and, as of July 2022, only Republican cosponsor. Date from Korean community press (KAPAC and Korea Peace Now figures), not from congress.gov."),
    ("Alan Lowenthal", "D", "CA", "", "2021-08-31", "false",
     "urisuwon-2021-hr3446-18-signers",
     "Signed the same day as Biggs and McGovern, bringing the reported total to 18."),
    ("James McGovern", "D", "MA", "", "2021-08-31", "false",
     "urisuwon-2021-hr3446-18-signers", "Signed 2021-08-31 per Urisuwon."),
    ("Carolyn Bourdeaux", "D", "GA", "7", "", "false",
     "atlantaradiokorea-2021-bourdeaux;knewsla-2022-hr3446-43-signers",
     "Undated report: first Georgia member, with the reported total then at 23, so between 2021-08-31 (18) and 2021-10-19 (27). " + PARTY_NOTE),
    ("Paul Tonko", "D", "NY", "20", "2021-10-12", "false",
     "ohmynews-2021-hr3446-27-signers;knewsla-2022-hr3446-43-signers", PARTY_NOTE),
    ("Rashida Tlaib", "D", "MI", "13", "2021-10-19", "false",
     "ohmynews-2021-hr3446-27-signers;knewsla-2022-hr3446-43-signers",
     "Signed with Jones and Bass; the reported total then reached 27. " + PARTY_NOTE),
    ("Mondaire Jones", "D", "NY", "17", "2021-10-19", "false",
     "ohmynews-2021-hr3446-27-signers;knewsla-2022-hr3446-43-signers", PARTY_NOTE),
    ("Karen Bass", "D", "CA", "37", "2021-10-19", "false",
     "ohmynews-2021-hr3446-27-signers;knewsla-2022-hr3446-43-signers", PARTY_NOTE),
    ("Jamie Raskin", "D", "MD", "", "2022-03-01", "false",
     "jnctv-2022-hr3446-38-signers", "Party and date per JNC TV."),
    ("Eleanor Holmes Norton", "D", "DC", "", "2022-03-17", "false",
     "jnctv-2022-hr3446-38-signers", "Non-voting delegate for the District of Columbia. Per JNC TV."),
    ("Dina Titus", "D", "NV", "", "2022-03-18", "false",
     "jnctv-2022-hr3446-38-signers", "The reported total then reached 38."),
    ("Jerrold Nadler", "D", "NY", "10", "2022-07-12", "false",
     "koatimes-2022-hr3446-43-signers;knewsla-2022-hr3446-43-signers", PARTY_NOTE),
    ("Mike Levin", "D", "CA", "49", "2022-07-12", "false",
     "koatimes-2022-hr3446-43-signers;knewsla-2022-hr3446-43-signers",
     "K News LA calls him a Democrat. The reported total then reached 43, including one Republican."),
    ("Adriano Espaillat", "D", "NY", "13", "2022-07-12", "false",
     "koatimes-2022-hr3446-43-signers;knewsla-2022-hr3446-43-signers",
     "K News LA: of the same party as Levin (Democratic)."),
]

COUNTS = [
    # count_id, bill, congress, date, date_precision, reported_count, count_basis, republicans, source, note
    ("hr3446-2021-05-20", "H.R.3446", 117, "2021-05-20", "day", 3, "cosponsors", 0,
     "congress-2021-hr3446-ih", "Introduced text: Sherman for himself and three original cosponsors (Khanna, Kim of New Jersey, Meng)."),
    ("hr3446-2021-08-31", "H.R.3446", 117, "2021-08-31", "day", 18, "unclear", 1,
     "urisuwon-2021-hr3446-18-signers", "Korean community press (Korea Peace Now network). Whether the 18 'signers' include the sponsor is not stated."),
    ("hr3446-2021-10-19", "H.R.3446", 117, "2021-10-19", "day", 27, "unclear", "",
     "ohmynews-2021-hr3446-27-signers", "After Tlaib, Jones and Bass signed on 2021-10-19."),
    ("hr3446-2021-11-01", "H.R.3446", 117, "2021-11-01", "day", 31, "unclear", "",
     "newsis-2021-hr3446-31-signers", "KAPAC count as of 1 November 2021, via Newsis; 'Democratic and Republican members'."),
    ("hr3446-2022-03-18", "H.R.3446", 117, "2022-03-18", "day", 38, "unclear", "",
     "jnctv-2022-hr3446-38-signers", "After Norton (03-17) and Titus (03-18) signed."),
    ("hr3446-2022-07-12", "H.R.3446", 117, "2022-07-12", "day", 43, "unclear", 1,
     "koatimes-2022-hr3446-43-signers;knewsla-2022-hr3446-43-signers", "KAPAC count after Nadler, Levin and Espaillat signed; Biggs the only Republican. K News LA gives the previous count as 40."),
    ("hr3446-final", "H.R.3446", 117, "2023-01", "month", 46, "unclear", "",
     "hankookilbo-2023-peace-act-reintroduced;hankyoreh-2023-reintroduce", "Final tally reported in March 2023 ('46 signatures' from both parties) for the bill that lapsed when the 117th Congress ended in January 2023. The date is the lapse, not the day the 46th member signed."),
    ("hr1369-2023-03-01", "H.R.1369", 118, "2023-03-01", "day", 20, "members", 1,
     "koreatimes-2023-peace-act-reintroduced;hankyoreh-2023-reintroduce", "Sherman 'and 19 other House members' at reintroduction, announced at a press conference on 2023-03-01; Press Arirang gives 2023-03-03 (pressarirang-2024-hr1369-46). Biggs among them."),
    ("hr1369-2023-06", "H.R.1369", 118, "2023-06", "month", 33, "unclear", "",
     "news1-2023-hr1369-33-signers", "Five Democrats signed 'on the 15th', about three months after reintroduction; month inferred from that wording."),
    ("hr1369-2024-05-19", "H.R.1369", 118, "2024-05-19", "day", 42, "unclear", "",
     "koreatimesus-2024-hr1369-42", "Korea Times (US) count; Malliotakis (R-NY), Amo and Bowman recently added."),
    ("hr1369-2024-09-06", "H.R.1369", 118, "2024-09-06", "day", 46, "unclear", 4,
     "pressarirang-2024-hr1369-46", "After Gottheimer (D-NJ) and Moylan (R-GU) signed on 6 September; four Republicans."),
    ("hr1369-2024-10-29", "H.R.1369", 118, "2024-10-29", "day", 52, "unclear", "",
     "jnctv-2024-hr1369-52", "After Henry Johnson (D-GA) and Danny Davis (D-IL) signed on 29 October."),
    ("hr1841-2025-03-04", "H.R.1841", 119, "2025-03-04", "day", 33, "cosponsors", 2,
     "congress-2025-hr1841-ih", "Introduced text names 33 original cosponsors, among them Biggs of Arizona and Moylan (R-GU, per govtracklive-2025-hr1841)."),
    ("hr1841-2025-11-13", "H.R.1841", 119, "2025-11-13", "day", 44, "cosponsors", "",
     "govtracklive-2025-hr1841", "GovTrack-style mirror of congress.gov data, last updated 2025-11-13: 44 cosponsors; only introduction and referral actions."),
]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


write_csv(HERE / "hr3446_cosponsors.csv",
          ["member", "party", "state", "district", "cosponsored_date", "original_cosponsor", "source", "note"],
          COSPONSORS)
write_csv(HERE / "peace_act_reported_support.csv",
          ["count_id", "bill", "congress", "date", "date_precision", "reported_count", "count_basis",
           "republicans", "source", "note"],
          COUNTS)

LICENSE = [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Our compilation; the facts belong to the sources on each row"}]
SOURCE_FIELD = {"name": "source", "type": "string", "title": "Source",
                "description": "Keys into book/references.bib, separated by ';'.",
                "constraints": {"required": True}}
NOTE_FIELD = {"name": "note", "type": "string", "title": "Note",
              "description": "Corroborating or disagreeing sources (with their keys), inferences, caveats."}

cosponsors_resource = {
    "name": "hr3446_cosponsors",
    "path": "hr3446_cosponsors.csv",
    "profile": "tabular-data-resource",
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "title": "Identified cosponsors of H.R.3446, the Peace on the Korean Peninsula Act (117th Congress), INCOMPLETE",
    "description": "House members identified as cosponsors of H.R.3446 (introduced 2021-05-20 by Rep. Brad Sherman), "
                   "with party, state and the date they signed on, from the introduced bill text and Korean-American "
                   "community press reports of advocacy-group counts. 17 of the roughly 45-46 cosponsors.",
    "sources": [{"title": "Bill text (govinfo) for the original cosponsors; Korean community press (Urisuwon, OhmyNews, JNC TV, KOA Times, K News LA, Atlanta Radio Korea) for later ones; per row"}],
    "licenses": LICENSE,
    "x-caveats": [
        "INCOMPLETE: 17 named cosponsors out of a final count reported as 46 'signatures' (Hankook Ilbo, Hankyoreh, March 2023); about 29 are missing. congress.gov's cosponsors page could not be opened.",
        "Dates after the original three come from press reports of advocacy-group (KAPAC, Korea Peace Now) tallies, not from the Congressional Record; a report's date may trail the day the member signed.",
        "Party was inferred for eight members from a report that Biggs was the only Republican among 43 signers (July 2022); the note says where.",
        "Bourdeaux's date is unknown (between 2021-08-31 and 2021-10-19 from the totals reported around her); her row has no date.",
        "No withdrawals were found, but without the official list none can be ruled out. The sponsor, Brad Sherman, is not a row.",
    ],
    "x-date-span": ["2021-05-20", "2023-01-31"],
    "schema": {
        "fields": [
            {"name": "member", "type": "string", "title": "Member",
             "description": "House member's name as commonly written.",
             "constraints": {"required": True, "unique": True}},
            {"name": "party", "type": "string", "title": "Party",
             "description": "D (Democratic) or R (Republican) at the time; see note where inferred.",
             "constraints": {"required": True, "enum": ["D", "R"]}},
            {"name": "state", "type": "string", "title": "State",
             "description": "Two-letter postal code of the state (DC for the District of Columbia's delegate).",
             "constraints": {"required": True, "pattern": "[A-Z]{2}"}},
            {"name": "district", "type": "integer", "title": "District",
             "description": "Congressional district number where the page read gave it; empty otherwise.",
             "constraints": {"minimum": 0, "maximum": 60}},
            {"name": "cosponsored_date", "type": "date", "title": "Date cosponsored",
             "description": "Day the member signed on, as reported (YYYY-MM-DD); empty if unknown.",
             "constraints": {"minimum": "2021-05-20", "maximum": "2023-01-31"}},
            {"name": "original_cosponsor", "type": "boolean", "title": "Original cosponsor",
             "description": "true if named in the bill as introduced on 2021-05-20.",
             "constraints": {"required": True}},
            SOURCE_FIELD, NOTE_FIELD,
        ],
        "primaryKey": ["member"],
    },
}

counts_resource = {
    "name": "peace_act_reported_support",
    "path": "peace_act_reported_support.csv",
    "profile": "tabular-data-resource",
    "format": "csv",
    "mediatype": "text/csv",
    "encoding": "utf-8",
    "title": "Reported support for the Peace on the Korean Peninsula Act over time (H.R.3446, H.R.1369, H.R.1841)",
    "description": "Counts of House members supporting the Peace on the Korean Peninsula Act in each Congress, as "
                   "reported on dated pages: bill texts and a congress.gov mirror for official cosponsor counts, "
                   "Korean-American community and Korean press for advocacy-group tallies in between.",
    "sources": [{"title": "Bill texts (govinfo, congress.gov), a GovTrack-style mirror, and Korean and Korean-American press reports; per row"}],
    "licenses": LICENSE,
    "x-caveats": [
        "Counts are as reported, not recounted. Only the bill texts and the congress.gov mirror give official cosponsor counts (sponsor excluded); press tallies of 'signers' may or may not include the sponsor (count_basis says which, where known).",
        "Press reports are sporadic: a row marks a day a count was published, not every change.",
        "The H.R.3446 final row (46) is dated to the January 2023 lapse of the bill, not to the day the last member signed.",
        "The H.R.1369 introduction date is disputed: 2023-03-01 (press conference, Hankyoreh and Yonhap) vs 2023-03-03 (Press Arirang); the congress.gov record was not opened.",
    ],
    "x-date-span": ["2021-05-20", "2025-11-13"],
    "schema": {
        "fields": [
            {"name": "count_id", "type": "string", "title": "Count id",
             "description": "Short unique slug: bill and date.",
             "constraints": {"required": True, "unique": True, "pattern": "[a-z0-9][a-z0-9-]*"}},
            {"name": "bill", "type": "string", "title": "Bill",
             "description": "Bill number in its Congress.",
             "constraints": {"required": True, "enum": ["H.R.3446", "H.R.1369", "H.R.1841"]}},
            {"name": "congress", "type": "integer", "title": "Congress",
             "description": "Number of the Congress (117: 2021-2023, 118: 2023-2025, 119: 2025-2027).",
             "constraints": {"required": True, "minimum": 117, "maximum": 119}},
            {"name": "date", "type": "string", "title": "Date",
             "description": "Date of the count: YYYY-MM-DD, or YYYY-MM where only the month is known.",
             "constraints": {"required": True, "pattern": "\\d{4}-\\d{2}(-\\d{2})?"}},
            {"name": "date_precision", "type": "string", "title": "Date precision",
             "description": "How much of the date is known.",
             "constraints": {"required": True, "enum": ["day", "month"]}},
            {"name": "reported_count", "type": "integer", "title": "Reported count (members)",
             "description": "Number of supporting House members as the source reported it.",
             "constraints": {"required": True, "minimum": 0, "maximum": 435}},
            {"name": "count_basis", "type": "string", "title": "Count basis",
             "description": "cosponsors: official cosponsors, sponsor excluded; members: sponsor included; unclear: the source does not say.",
             "constraints": {"required": True, "enum": ["cosponsors", "members", "unclear"]}},
            {"name": "republicans", "type": "integer", "title": "Republicans (reported)",
             "description": "Number of Republicans among them where the source says; empty otherwise.",
             "constraints": {"minimum": 0, "maximum": 435}},
            SOURCE_FIELD, NOTE_FIELD,
        ],
        "primaryKey": ["count_id"],
    },
}

(HERE / "hr3446_cosponsors.resource.json").write_text(json.dumps(cosponsors_resource, indent=2, ensure_ascii=False) + "\n")
(HERE / "peace_act_reported_support.resource.json").write_text(json.dumps(counts_resource, indent=2, ensure_ascii=False) + "\n")
print(len(COSPONSORS), "cosponsors;", len(COUNTS), "counts")
