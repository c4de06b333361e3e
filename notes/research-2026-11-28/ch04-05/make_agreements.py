"""Write data/agreements.csv (hand-compiled rows; kept as a script so the quoting is standard CSV)."""
import csv
from pathlib import Path

FIELDS = ["agreement_id", "agreement", "parties", "start_date", "start_event", "end_date", "end_event",
          "ended_by", "status", "source", "end_source", "note"]
ROWS = [
    ["agreed-framework", "Agreed Framework", "United States; North Korea", "1994-10-21", "signed",
     "2002-11-14", "KEDO's board suspended heavy fuel oil deliveries from the December shipment", "disputed", "ended",
     "aca-2004-agreed-framework-at-a-glance", "aca-2002-kedo-suspends-oil;voa-2002-kedo-stops-fuel-oil",
     "No single end date. The U.S. said in October 2002 that North Korea had admitted a uranium-enrichment programme; "
     "each side blamed the other. Later steps: North Korea ordered IAEA inspectors out on 2002-12-27 "
     "(peoplesdaily-2002-iaea-inspectors-leave) and announced NPT withdrawal on 2003-01-10 (carnegie-2018-six-lessons-not-yet-learned). "
     "The span could end at any of these dates."],
    ["six-party-joint-statement", "Six-Party Talks Joint Statement", "China; Japan; North Korea; Russia; South Korea; United States",
     "2005-09-19", "adopted", "2009-04-14",
     "North Korea said it would never again take part in the talks or be bound by their agreements", "North Korea", "ended",
     "rferl-2005-north-korea-agrees-give-up-nuclear;state-2005-hill-closing-statement",
     "abcnews-2009-north-korea-opts-out-talks;cns-2009-nk-rocket-launch",
     "North Korea's statement answered a UN Security Council statement condemning its 5 April 2009 rocket launch. "
     "Implementing deals followed in 2007; the last session (December 2008) failed over verification."],
    ["leap-day-deal", "Leap Day deal", "United States; North Korea", "2012-02-29", "announced", "2012-04-13",
     "North Korea launched a long-range rocket; the White House said it would not go ahead with the food aid",
     "North Korea", "ended",
     "reuters-2012-nk-agrees-stop-nuclear-tests;diplomat-2016-leap-day-deal", "reuters-2012-us-halts-food-aid",
     "Parallel U.S. and North Korean statements, not a signed text. The U.S. had already suspended the aid plan in March, "
     "after North Korea announced the launch (diplomat-2012-food-deal-suspended); North Korea called the launch part of a "
     "peaceful space programme. Launch on 13 April Korea time (12 April in Washington)."],
    ["jcpoa-us", "Joint Comprehensive Plan of Action (U.S. participation)",
     "Iran; China; France; Germany; Russia; United Kingdom; United States; European Union", "2015-07-14", "concluded",
     "2018-05-08", "President Trump announced U.S. withdrawal and the reimposition of sanctions", "United States", "ended",
     "unidir-nd-jcpoa-concluded;efe-2018-trump-withdraws-iran-pact", "efe-2018-trump-withdraws-iran-pact",
     "Concluded in Vienna (not a signature). The other parties kept the deal after 2018; UN sanctions on Iran snapped back "
     "on 2025-09-27/28 (8 pm U.S. Eastern time) after the E3 triggered the mechanism on 2025-08-28 (iranintl-2025-snapback-sanctions)."],
    ["paris-us-1", "Paris Agreement (first U.S. participation)", "United States; parties to the UNFCCC", "2016-04-22", "signed",
     "2020-11-04", "U.S. withdrawal, announced on 2017-06-01, took effect", "United States", "ended",
     "rttnews-2025-us-paris-withdrawal-jan-2026", "ecns-2020-us-leaves-paris;rttnews-2025-us-paris-withdrawal-jan-2026",
     "start = U.S. signature; the Agreement itself is dated 12 December 2015 (shine-2025-un-confirms-us-paris-withdrawal). "
     "Withdrawal announced in the Rose Garden on 2017-06-01 (rferl-2017-trump-withdraw-paris)."],
    ["paris-us-2", "Paris Agreement (second U.S. participation)", "United States; parties to the UNFCCC", "2021-02-19", "rejoined",
     "2026-01-27", "Second U.S. withdrawal, notified to the UN on 2025-01-27, took effect", "United States", "ended",
     "usembassy-brazil-2021-rejoins-paris;abc-2021-us-rejoins-paris",
     "shine-2025-un-confirms-us-paris-withdrawal;gettysburgconnection-2026-us-exits-paris",
     "Biden signed the instrument to rejoin on 2021-01-20; it took effect 30 days later. The second withdrawal was ordered "
     "by executive order on 2025-01-20 (ballotpedia-2025-eo-paris)."],
    ["singapore-joint-statement", "Singapore Joint Statement", "United States; North Korea", "2018-06-12", "signed",
     "", "No formal end found; talks stalled after the Hanoi summit ended without agreement on 2019-02-28", "", "open",
     "epochtimes-2018-full-text-trump-kim-joint-statement",
     "ap-2019-trump-kim-summit-ends-no-deal;yonhap-2021-campbell-build-on-singapore",
     "end_date left empty on purpose: neither side formally renounced the statement. In May 2021 the Biden administration "
     "said it would build on it (yonhap-2021-campbell-build-on-singapore)."],
]
out = Path(__file__).resolve().parent / "data" / "agreements.csv"
with out.open("w", newline="", encoding="utf-8") as handle:
    writer = csv.writer(handle)
    writer.writerow(FIELDS)
    writer.writerows(ROWS)
print(out, len(ROWS), "rows")
