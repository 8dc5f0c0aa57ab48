# ruff: noqa: E501
"""Classes of expressions the tagger once got wrong, one row each; all sentences written for these tests.

Publication 2021-10-29 is a Friday; 2021-10-22 the Friday before.
"""

from __future__ import annotations

from datetime import date

import pytest

from kirok.timex import tag

FRI = date(2021, 10, 29)
OCT22 = date(2021, 10, 22)
NOV02 = date(2021, 11, 2)


# (sentence, phrase, published, type, value)
# fmt: off
ROWS: list[tuple[str, str, date, str, str]] = [
    # tense of year-less dates: words that put a date ahead
    ("The dividend is payable Jan. 3 to holders of record.", "Jan. 3", NOV02, "DATE", "2022-01-03"),
    ("The offer, which expires Dec. 15, was raised.", "Dec. 15", NOV02, "DATE", "2021-12-15"),
    ("The rule becomes effective Feb. 1.", "Feb. 1", NOV02, "DATE", "2022-02-01"),
    ("He must report to the police by Jan. 14.", "Jan. 14", NOV02, "DATE", "2022-01-14"),
    ("The bid was extended until Nov. 20.", "Nov. 20", NOV02, "DATE", "2021-11-20"),
    ("The deal would close in January.", "January", NOV02, "DATE", "2022-01"),
    ("The case may be heard in February.", "February", NOV02, "DATE", "2022-02"),
    ("The plan was announced Aug. 21.", "Aug. 21", NOV02, "DATE", "2021-08-21"),
    ("Funds rose through Oct. 19, the firm said.", "Oct. 19", NOV02, "DATE", "2021-10-19"),
    ("He was arrested on Oct. 28.", "Oct. 28", OCT22, "DATE", "2020-10-28"),
    # weekdays: modals and reported future do not move a weekday ahead
    ("The guards could not be found Wednesday in the village.", "Wednesday", FRI, "DATE", "2021-10-27"),
    ("The court ruled Wednesday that he must be sent back.", "Wednesday", FRI, "DATE", "2021-10-27"),
    ("The official said Thursday that talks would resume.", "Thursday", FRI, "DATE", "2021-10-28"),
    ("The officials will meet on Monday.", "Monday", FRI, "DATE", "2021-11-01"),
    # the year, the quarter, the weekend alone
    ("Exports fell for the year, the ministry said.", "the year", FRI, "DATE", "2021"),
    ("Exports fell for the full year.", "the full year", FRI, "DATE", "2021"),
    ("Profit fell in the quarter.", "the quarter", FRI, "DATE", "2021-Q3"),
    ("Profit fell in the latest quarter.", "the latest quarter", FRI, "DATE", "2021-Q3"),
    ("Profit fell from the year-earlier quarter.", "the year-earlier quarter", FRI, "DATE", "2020-Q3"),
    ("Sales were flat from year-earlier levels.", "year-earlier", FRI, "DATE", "2020"),
    ("Guards searched the houses over the weekend.", "the weekend", FRI, "DATE", "2021-W42-WE"),
    ("Guards will search the houses over the weekend.", "the weekend", FRI, "DATE", "2021-W43-WE"),
    ("Guards searched the houses over the weekend.", "the weekend", date(2021, 11, 1), "DATE", "2021-W43-WE"),
    # references
    ("Prices may rise in future.", "future", FRI, "DATE", "FUTURE_REF"),
    ("The then current rules were strict.", "then current", FRI, "DATE", "PAST_REF"),
    ("The camp was formerly a school.", "formerly", FRI, "DATE", "PAST_REF"),
    ("Prices have been rising recently.", "recently", FRI, "DATE", "PAST_REF"),
    ("Things may change in the future.", "the future", FRI, "DATE", "FUTURE_REF"),
    ("The market is now closed.", "now", FRI, "DATE", "PRESENT_REF"),
    # years and decades in words
    ("The camp opened in nineteen ninety-six.", "nineteen ninety-six", FRI, "DATE", "1996"),
    ("The camp opened in nineteen seventy-nine.", "nineteen seventy-nine", FRI, "DATE", "1979"),
    ("The camp opened in eighteen oh five.", "eighteen oh five", FRI, "DATE", "1805"),
    ("The camp will close by the year two thousand.", "the year two thousand", FRI, "DATE", "2000"),
    ("The camp will close by the year two thousand and one.", "the year two thousand and one", FRI, "DATE", "2001"),
    ("Famine struck in the nineties.", "the nineties", FRI, "DATE", "199"),
    ("Markets spread in the late eighties.", "the late eighties", FRI, "DATE", "198"),
    # fractions, decades and centuries as durations
    ("The march lasted 5 1/2 hours.", "5 1/2 hours", FRI, "DURATION", "PT5H30M"),
    ("He served 2 1/2 years.", "2 1/2 years", FRI, "DURATION", "P2Y6M"),
    ("He served two and a half years.", "two and a half years", FRI, "DURATION", "P2Y6M"),
    ("He hid for a day and a half.", "a day and a half", FRI, "DURATION", "P1DT12H"),
    ("He hid for one and a half months.", "one and a half months", FRI, "DURATION", "P1.5M"),
    ("The camp has stood for two decades.", "two decades", FRI, "DURATION", "P20Y"),
    ("The camp has stood for a century.", "a century", FRI, "DURATION", "P100Y"),
    ("The camp has stood for decades.", "decades", FRI, "DURATION", "PXDE"),
    ("He served a five-year term.", "five-year", FRI, "DURATION", "P5Y"),
    ("He hid for nearly two years.", "nearly two years", FRI, "DURATION", "P2Y"),
    # parts of a named day, weeks of a day, halves of a year
    ("Troops crossed on the night of 8 February 1904.", "the night of 8 February 1904", FRI, "TIME", "1904-02-08TNI"),
    ("Troops crossed on the morning of April 19, 1775.", "the morning of April 19, 1775", FRI, "TIME", "1775-04-19TMO"),
    ("Troops crossed early in the morning of 29 April 1975.", "early in the morning of 29 April 1975", FRI, "TIME", "1975-04-29TMO"),
    ("Troops crossed on the evening of January 29, 1960.", "the evening of January 29, 1960", FRI, "TIME", "1960-01-29TEV"),
    ("The hearing is set for the week of Nov. 8.", "the week of Nov. 8", FRI, "DATE", "2021-W45"),
    ("The hearing was held the week of March 6, 2017.", "the week of March 6, 2017", FRI, "DATE", "2017-W10"),
    ("Prices rose in the second half of 2008.", "the second half of 2008", FRI, "DATE", "2008-H2"),
    ("Prices rose in the first half of 2019.", "the first half of 2019", FRI, "DATE", "2019-H1"),
    ("Prices rose in the latter half of 2008.", "the latter half of 2008", FRI, "DATE", "2008-H2"),
    # sets
    ("Inspections are held every day.", "every day", FRI, "SET", "P1D"),
    ("Inspections are held every Monday.", "every Monday", FRI, "SET", "XXXX-WXX-1"),
    ("Inspections are held weekly.", "weekly", FRI, "SET", "P1W"),
    # a report on a quarter: "a year ago" and "year-earlier" are the same quarter a year before
    ("Profit rose in the third quarter to $5 million from $4 million a year ago.", "a year ago", FRI, "DATE", "2020-Q3"),
    ("Sales rose in the second quarter, up from year-earlier sales of $3 million.", "year-earlier", FRI, "DATE", "2020-Q2"),
    ("Profit rose in the third quarter. A year earlier, the firm lost money.", "A year earlier", FRI, "DATE", "2020-Q3"),
    ("Profit rose in the third quarter after a flat second quarter, and beat a year earlier.", "a year earlier", FRI, "DATE", "2020-Q3"),
    # the report's quarter is the latest one over, not one of its history nor one to come
    (
        "It earned $5 in its fiscal first quarter. For the quarter ended Sept. 30, sales rose from $4 a year earlier.",
        "a year earlier", FRI, "DATE", "2020-Q3",
    ),
    (
        "It stopped paying a dividend in the third quarter of 2014. Third-quarter profit rose from $5 a year ago.",
        "a year ago", FRI, "DATE", "2020-Q3",
    ),
    ("A fourth-quarter charge is due. Profit rose in the third quarter from $4 a year ago.", "a year ago", FRI, "DATE", "2020-Q3"),
    # a flashback in news goes on in its year: "that December", "that spring", a day just after the one named
    ("In 1969 a blast killed 61 men, and Congress passed a law that December.", "that December", FRI, "DATE", "1969-12"),
    ("In 1969 a blast killed 61 men. That spring had been dry.", "That spring", FRI, "DATE", "1969-SP"),
    ("On June 21, 1969, a blast killed 61 men; the last body was recovered on June 30.", "June 30", FRI, "DATE", "1969-06-30"),
    ("On June 21, 1969, a blast killed 61 men; a memorial was unveiled on May 2.", "May 2", FRI, "DATE", "2021-05-02"),
    # a month named without a day goes on from the month just named, years back, in its paragraph
    ("Police held her in October of 2017, and in December she was handed back.", "December", FRI, "DATE", "2017-12"),
    ("Police held her in October of 2017.\n\nIn December she was handed back.", "December", FRI, "DATE", "2020-12"),
    ("Police held her in October of 2017, and in June she was handed back.", "June", FRI, "DATE", "2021-06"),
    ("Ilvar, who took office in March 2004, has made Latin America his focus. He visited Chile in April.", "April", FRI, "DATE", "2021-04"),
    # what a clause puts ahead: the quarter just closed, a threat's or a likelihood's date, a season still running
    ("The firm will report fourth-quarter results on Feb. 24.", "fourth-quarter", date(2010, 2, 2), "DATE", "2009-Q4"),
    ("They threatened to raise tariffs from July 1 if the duties stay.", "July 1", date(2002, 3, 14), "DATE", "2002-07-01"),
    ("The board was likely to leave rates alone at its next meeting on Nov. 13.", "Nov. 13", date(1996, 10, 8), "DATE", "1996-11-13"),
    ("The minister had vowed to retake the region by the end of the summer.", "the end of the summer", date(2014, 8, 20), "DATE", "2014-SU"),
    # an itinerary told in the present looks ahead; a weekday's possessive names a thing done
    ("Ilvar holds talks with his counterpart at the palace on Tuesday.", "Tuesday", FRI, "DATE", "2021-11-02"),
    ("On Wednesday Ilvar flies to Sao Paulo to address business leaders.", "Wednesday", FRI, "DATE", "2021-11-03"),
    ("The move follows Tuesday's declaration by the rival firm, which holds 12 percent.", "Tuesday", FRI, "DATE", "2021-10-26"),
    # "the year to March" is a period; "since the weekend to look for" is the weekend just past
    ("Heads have gone door to door since the weekend to look for lodgers.", "the weekend", date(2025, 10, 7), "DATE", "2025-W40-WE"),
    # after a determiner an itinerary's verb is a noun: "the heads of", "a visit to"
    ("On Friday, the committee held a lecture for the heads of neighbourhood offices.", "Friday", date(2025, 10, 7), "DATE", "2025-10-03"),
    # a broadcast's spoken year joins the month or season before it
    ("It happened in January nineteen ninety-seven.", "January nineteen ninety-seven", FRI, "DATE", "1997-01"),
    ("Oil fell to that level in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", FRI, "DATE", "1994-WI"),
    ("The storm was forecast to strike the coast late Wednesday, the center said.", "Wednesday", FRI, "DATE", "2021-11-03"),
    ("The storm will strengthen later on Friday, forecasters say.", "Friday", FRI, "DATE", "2021-10-29"),
    ("Revenue rose 3.7% in the quarter to $2.35 billion.", "the quarter", FRI, "DATE", "2021-Q3"),
    ("The official gave no reason for the Nov. 7 deadline.", "Nov. 7", FRI, "DATE", "2021-11-07"),
    ("The official gave no reason for the Oct. 20 deadline.", "Oct. 20", FRI, "DATE", "2021-10-20"),
    ("They may lose the fight when the case is heard in December.", "December", FRI, "DATE", "2021-12"),
    ("The case was heard in December.", "December", FRI, "DATE", "2020-12"),
    ("Net sales for this year's third quarter were flat.", "this year's third quarter", FRI, "DATE", "2021-Q3"),
    ("Revenue could grow as early as next year's first quarter.", "next year's first quarter", FRI, "DATE", "2022-Q1"),
    ("Profit fell in the third quarter; in the 2020 quarter it had risen.", "the 2020 quarter", FRI, "DATE", "2020-Q3"),
    ("Profit fell in the 2020 period.", "the 2020 period", FRI, "DATE", "2020"),
    ("The firm will report third-quarter results next week.", "third-quarter", FRI, "DATE", "2021-Q3"),
    ("Net income for the year ended March 31 rose.", "the year", FRI, "DURATION", "P1Y"),
    # a weekday written with its date picks the year in which the date falls on that weekday
    ("The paper said in an editorial on Tuesday, Oct. 26, that talks failed.", "Tuesday, Oct. 26", date(2021, 10, 25), "DATE", "2021-10-26"),
    # the verb next to a weekday outweighs a "will" farther back in the clause
    ("Exiles will now fight the ruling, the ministry predicted Wednesday.", "Wednesday", FRI, "DATE", "2021-10-27"),
    # an "-ed" verb alone is often a participle: a date just after publication is still the coming one
    ("The company extended its offer to Nov. 20.", "Nov. 20", NOV02, "DATE", "2021-11-20"),
    # "35,000" after a day and month is a number, not a two-digit year
    ("By 28 March, 35,000 troops had crossed.", "28 March", FRI, "DATE", "2021-03-28"),
    # a clock time takes its zone and the day written after it; "on" splits them, as TimeML does
    ("The talks broke off at noon Thursday.", "noon Thursday", FRI, "TIME", "2021-10-28T12:00"),
    ("The offer runs until 5 p.m. EST, Nov. 9.", "5 p.m. EST, Nov. 9", NOV02, "TIME", "2021-11-09T17:00"),
    ("Polls open at 7 a.m. today.", "7 a.m. today", FRI, "TIME", "2021-10-29T07:00"),
    ("The ship sailed at 5:00 am on 3 October 1935.", "3 October 1935", FRI, "DATE", "1935-10-03"),
    # a "would" clause does not push a day of the last weeks into next year
    ("Aid would reach the towns where the Oct. 20 floods struck.", "Oct. 20", FRI, "DATE", "2021-10-20"),
    # "Jan. 3", "P." end no clause; the report's "said" says nothing of the date it reports
    ("The split will be paid Jan. 3 to holders of record Nov. 16, the company said.", "Nov. 16", NOV02, "DATE", "2021-11-16"),
    ("He will succeed Daniel P. Ryeo Feb. 1, the bank said.", "Feb. 1", NOV02, "DATE", "2022-02-01"),
    ("The company said it is redeeming the notes on Dec. 7.", "Dec. 7", NOV02, "DATE", "2021-12-07"),
    # "next to" is a place, not the future
    ("The blast hit a building next to the embassy on Friday.", "Friday", date(2021, 10, 30), "DATE", "2021-10-29"),
    # year-end, the week of a market report, coming weeks, bare plurals after "within", "in"
    ("The deal should close by year-end.", "year-end", FRI, "DATE", "2021"),
    ("The index is up 5% since year-end.", "year-end", FRI, "DATE", "2020"),
    ("For the week, the index fell 2%.", "the week", FRI, "DATE", "2021-W43"),
    ("Rates may fall in coming weeks.", "coming weeks", FRI, "DURATION", "PXW"),
    ("Troops arrived within weeks.", "weeks", FRI, "DURATION", "PXW"),
    ("It was the first rise in years.", "years", FRI, "DURATION", "PXY"),
    ("The valley was ruled from the coast for centuries.", "centuries", FRI, "DURATION", "PXCE"),
    # holidays on a weekday; parts of the day after a date, "mid-afternoon"
    ("The boat was found on Thanksgiving.", "Thanksgiving", NOV02, "DATE", "2020-11-26"),
    ("Voters go to the polls on Election Day.", "Election Day", NOV02, "DATE", "2021-11-02"),
    ("The men were seized on 3 May 2019 and freed the next morning.", "the next morning", FRI, "TIME", "2019-05-04TMO"),
    ("Shares rose by mid-afternoon yesterday.", "mid-afternoon yesterday", FRI, "TIME", "2021-10-28TAF"),
    # a weekday after "planned to": the plan looks ahead; a weekday before it does not
    ("The delegation planned to leave the capital on Monday.", "Monday", FRI, "DATE", "2021-11-01"),
    ("The guards were planning to search the market on Sunday.", "Sunday", FRI, "DATE", "2021-10-31"),
    ("On Monday, the ministry planned to open the border.", "Monday", FRI, "DATE", "2021-10-25"),
    # "only" and "just" are no part of a duration or offset (TimeML mod values have no "only")
    ("The envoy spent only five hours in the city.", "five hours", FRI, "DURATION", "PT5H"),
    ("The camp was built just a decade ago.", "a decade ago", FRI, "DATE", "2011"),
    # a past clause with "to"/"until" a day just after publication: the coming day
    ("The deadline was moved to Nov. 16.", "Nov. 16", FRI, "DATE", "2021-11-16"),
    # "that same day" counts from the last day named
    ("On 3 May 2019 the men were seized, and that same day they were moved.", "that same day", FRI, "DATE", "2019-05-03"),
    # "the days before ...": the vague stretch around an event, tagged on the unit word
    ("Guards were seen in the days before the raid.", "days", FRI, "DURATION", "PXD"),
    ("In the years that followed, the camp grew.", "years", FRI, "DURATION", "PXY"),
    ("The car was spotted in the weeks leading up to the arrest.", "weeks", FRI, "DURATION", "PXW"),
    # a past act lasting until a date: the one nearest publication, on either side
    ("The candidate had led the polls until late March.", "late March", date(2016, 5, 9), "DATE", "2016-03"),
    ("The border crossing was closed until January.", "January", NOV02, "DATE", "2022-01"),
    # a weekday a limit names: the one nearest publication ("until"), or ahead with a modal ("could ... by")
    ("Officials closed the schools until Thursday.", "Thursday", date(2011, 8, 29), "DATE", "2011-09-01"),
    ("The strike would continue until at least Wednesday.", "Wednesday", date(2010, 6, 14), "DATE", "2010-06-16"),
    ("The storm could reach the coast by Wednesday.", "Wednesday", date(2011, 8, 29), "DATE", "2011-08-31"),
    ("The market was closed until Monday.", "Monday", date(2021, 10, 27), "DATE", "2021-10-25"),
    # a present-tense verb of a scheduled event puts a calendar day ahead
    ("His term ends on October 31.", "October 31", date(2011, 10, 4), "DATE", "2011-10-31"),
    ("The new rule takes effect on Jan. 1.", "Jan. 1", NOV02, "DATE", "2022-01-01"),
    ("He ended his visit on Sept. 29.", "Sept. 29", NOV02, "DATE", "2021-09-29"),
    ("Voters go to the polls again on May 7.", "May 7", date(2014, 4, 25), "DATE", "2014-05-07"),
    # halves of a unit
    ("He was made to kneel for half an hour.", "half an hour", FRI, "DURATION", "PT30M"),
    ("The guards beat him for half a day.", "half a day", FRI, "DURATION", "PT12H"),
    # a unit counted without a number: a vague time before or after
    ("Years later, his brother reached Seoul.", "Years later", FRI, "DATE", "FUTURE_REF"),
    ("She had crossed the river decades ago.", "decades ago", FRI, "DATE", "PAST_REF"),
    ("He had been released weeks earlier.", "weeks earlier", FRI, "DATE", "PAST_REF"),
    # the unit before or after the one just named
    ("He was arrested on Oct. 12. His wife had been questioned the day before.", "the day before", FRI, "DATE", "2021-10-11"),
    ("The camp opened in 2015 and the fence went up the year after.", "the year after", FRI, "DATE", "2016"),
    ("Profits fell from the prior year.", "the prior year", FRI, "DATE", "2020"),
    ("Sales rose in the financial year.", "the financial year", FRI, "DATE", "2021"),
    # the night before the day just named
    ("On Jan. 31 officials said a post had come under fire the previous night.", "the previous night", FRI,
     "TIME", "2021-01-30TNI"),
    # a count of units in a row
    ("The operator has lost customers for six consecutive quarters.", "six consecutive quarters", FRI,
     "DURATION", "P6Q"),
    ("The index has fallen for six straight days.", "six straight days", FRI, "DURATION", "P6D"),
    # every year in one month
    ("Quotas are set every December.", "every December", FRI, "SET", "XXXX-12"),
    # "the new year" said late in one year is the next; said early, the one under way
    ("The bill will be debated in the new year.", "the new year", date(2013, 11, 20), "DATE", "2014"),
    ("The bill will be debated in the new year.", "the new year", date(2014, 1, 8), "DATE", "2014"),
    # "over the next year" counts from now, not from the year the text named last
    ("Rates were cut in 2009. They will rise over the next year.", "the next year", FRI, "DATE", "2022"),
    ("The army landed in 2009. The next year it withdrew.", "The next year", FRI, "DATE", "2010"),
    # the end of a range is not before its start
    ("The season, which runs from June 1 to November 30, is busy.", "November 30", date(2011, 8, 29),
     "DATE", "2011-11-30"),
    ("The league plays from March to November.", "November", date(2013, 9, 16), "DATE", "2013-11"),
    ("A revision Friday to December's figures was small.", "December", date(1998, 2, 6), "DATE", "1997-12"),
    # every year in one season, every weekend
    ("Outbreaks peak every winter.", "every winter", FRI, "SET", "XXXX-WI"),
    ("You hear shots every weekend.", "every weekend", FRI, "SET", "XXXX-WXX-WE"),
    # an earnings report's quarter, a year before; without a quarter, last year
    ("Output shrank in the second quarter from the same period last year.", "the same period last year",
     date(1998, 8, 27), "DATE", "1997-Q2"),
    ("Profit rose from the same period last year.", "the same period last year", FRI, "DATE", "2020"),
    # "would" puts a weekday or a season ahead of the telling
    ("He said he would travel to Brussels on Friday.", "Friday", date(2003, 5, 14), "DATE", "2003-05-16"),
    ("She said she would step down at a congress in the autumn.", "the autumn", date(2010, 5, 24),
     "DATE", "2010-FA"),
    # an irregular past verb says past, even before a "will" later in the sentence
    ("He flew to London on Tuesday and will be presented on Friday.", "Tuesday", date(2005, 6, 29),
     "DATE", "2005-06-28"),
    # "in the afternoon": of the day of the report, or of the day named just before
    ("Selling accelerated in the afternoon.", "the afternoon", date(1998, 8, 27), "TIME", "1998-08-27TAF"),
    ("The army moved on Dec. 27. In the morning, the guards left.", "the morning", FRI, "TIME",
     "2020-12-27TMO"),
    ("He left at 4 in the morning.", "4 in the morning", FRI, "TIME", "2021-10-29T04:00"),
    # a part of the day already named is no new date for "the 1st" to count from
    (
        "Agents burst into his home on Jan. 9, shortly after a detection van parked on the embankment picked "
        "up his signal, the source said. Neighbours say the van had been seen on the street for a week, and "
        "that a second team waited at the end of the lane. In the days that followed, interrogators beat him "
        "and made him stand facing a wall through the night, demanding the name of the broker who had "
        "supplied the handset. He was kept in the holding cells for 20 days before his file was handed to "
        "prosecutors. At a trial on the 1st, he was sentenced.",
        "the 1st", date(2024, 2, 7), "DATE", "2024-02-01",
    ),
    # a history still says what is to come from today: an obituary's memorial, a case that resumes
    (
        "Born in 1921, he built the Hall in 1952, the Tower in 1960 and the Bridge in 1971, won a prize in "
        "1983 and retired in 1986. A memorial service will be held on May 5, and the case resumes on Feb. 14.",
        "May 5", date(2001, 4, 9), "DATE", "2001-05-05",
    ),
    (
        "Born in 1921, he built the Hall in 1952, the Tower in 1960 and the Bridge in 1971, won a prize in "
        "1983 and retired in 1986. A memorial service will be held on May 5, and the case resumes on Feb. 14.",
        "Feb. 14", date(2001, 4, 9), "DATE", "2002-02-14",
    ),
    # a verb joined after the date does not give it its tense
    ("The truce came into force at 6 a.m. on Tuesday and is due to expire at 6 a.m. on Friday.", "Tuesday",
     date(2014, 8, 21), "DATE", "2014-08-19"),
    ("The truce came into force at 6 a.m. on Tuesday and is due to expire at 6 a.m. on Friday.", "Friday",
     date(2014, 8, 21), "DATE", "2014-08-22"),
    # what is expected, or called for a weekday, lies ahead
    ("Preliminary results are expected early Friday.", "Friday", date(2010, 5, 6), "DATE", "2010-05-07"),
    ("Forecasters expect more rain through the weekend.", "the weekend", date(2014, 3, 12), "DATE",
     "2014-W11-WE"),
    ("The opposition has called a general strike for Friday.", "Friday", date(2009, 3, 17), "DATE",
     "2009-03-20"),
    ("A memorial service planned at the university for Saturday was canceled.", "Saturday", date(1999, 10, 24),
     "DATE", "1999-10-23"),
    # a weekday's possessive "'s" is not part of it
    ("He was jailed for Friday's attack.", "Friday", date(2009, 3, 17), "DATE", "2009-03-13"),
    # a clock time in GMT; not the one in brackets after a local time, whose day follows the brackets
    ("Shares fell 6 percent by 1130 GMT.", "1130 GMT", date(2009, 10, 29), "TIME", "2009-10-29T11:30"),
    ("The blast came at 10:35 a.m. (0735 GMT) Friday, toppling a building.", "10:35 a.m.", date(1998, 8, 8),
     "TIME", "1998-08-07T10:35"),
    # a quarter or half named by its months, and the full year of a fourth-quarter report
    ("Output in the October-December quarter rose.", "the October-December quarter", date(2012, 1, 27),
     "DATE", "2011-Q4"),
    ("Output in the October-December quarter rose. For the full year, production rose 7 percent.",
     "the full year", date(2012, 1, 27), "DATE", "2011"),
    ("Sales in the January-June period rose.", "the January-June period", date(2012, 8, 1), "DATE", "2012-H1"),
    # the first or second half of the year named just before, or of this one
    ("It expects to post a loss for the first half.", "the first half", date(2015, 6, 30), "DATE", "2015-H1"),
    ("We expect 2010 to be difficult, with growth returning in the second half.", "the second half",
     date(2009, 10, 29), "DATE", "2010-H2"),
    # a start long ago is no day for "the next day" to count from
    ("The family has run the shop since 1952. It was robbed on June 14 and reopened the next day.",
     "the next day", date(2012, 7, 9), "DATE", "2012-06-15"),
    # weekdays in the plural are a set; a decimal count of hours stays as written
    ("The museum will be closed on Mondays.", "Mondays", date(2015, 1, 8), "SET", "XXXX-WXX-1"),
    ("The asteroid spins on its axis every 7.6 hours.", "every 7.6 hours", FRI, "SET", "PT7.6H"),
    ("Elections are held every four years.", "every four years", FRI, "SET", "P4Y"),
    ("The star flares every few days.", "every few days", FRI, "SET", "PXD"),
    ("Guards check the wire every other day.", "every other day", FRI, "SET", "P2D"),
    ("The committee meets eight times a year.", "eight times a year", FRI, "SET", "P1Y"),
    ("Briefings are held twice a day.", "twice a day", FRI, "SET", "P1D"),
    ("The board meets once a month.", "once a month", FRI, "SET", "P1M"),
    # "midnight" is the end of the day it closes; "about" belongs to a clock time
    ("The old contract expired at midnight Monday.", "midnight Monday", FRI, "TIME", "2021-10-25T24:00"),
    ("The verdict was read at about 11:15 a.m. Friday.", "about 11:15 a.m. Friday", FRI, "TIME", "2021-10-29T11:15"),
    # a scheduled present looks ahead; the same word after a past verb is a noun
    ("Playoff tickets go on sale at 10 a.m. Tuesday.", "10 a.m. Tuesday", FRI, "TIME", "2021-11-02T10:00"),
    ("The two leaders met in their first televised debate Tuesday night.", "Tuesday night", FRI, "TIME", "2021-10-26TNI"),
    ("The meeting took 2 1/2 hours.", "2 1/2 hours", FRI, "DURATION", "PT2H30M"),
    # "the following Monday": the first after the day just named, unless that is after publication
    ("They were seized on Oct. 10. The following Monday each was fined.", "The following Monday",
     date(2021, 10, 20), "DATE", "2021-10-11"),
    ("They were seized on Oct. 18. The following Monday each was fined.", "The following Monday",
     date(2021, 10, 20), "DATE", "2021-10-18"),
    # a year before a comma and a verb that is also a currency
    ("He built the bridge in 1971, won a prize and retired.", "1971", FRI, "DATE", "1971"),
    ("The troops arrived in 1919: most were Polish.", "1919", FRI, "DATE", "1919"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "published", "type_", "value"), ROWS)
def test_class(sentence: str, phrase: str, published: date, type_: str, value: str) -> None:
    found = tag(sentence, published)
    hits = [t for t in found if t.text == phrase]
    assert hits, f"{phrase!r} not tagged; got {[t.text for t in found]}"
    assert (hits[0].type, hits[0].value) == (type_, value)


# (sentence, phrase, published, earliest, latest): the windows events are dated with
# fmt: off
WINDOWS: list[tuple[str, str, date, str, str]] = [
    ("Ten people were arrested earlier this month.", "earlier this month", OCT22, "2021-10-01", "2021-10-21"),
    ("Ten people were arrested last week.", "last week", OCT22, "2021-10-11", "2021-10-17"),
    ("Ten people were arrested last week.", "last week", date(2021, 10, 24), "2021-10-11", "2021-10-17"),
    ("Ten people were arrested late last month.", "late last month", OCT22, "2021-09-21", "2021-09-30"),
    ("Ten people were arrested on Oct. 28.", "Oct. 28", OCT22, "2020-10-28", "2020-10-28"),
    ("Ten people were arrested in November.", "November", OCT22, "2020-11-01", "2020-11-30"),
    ("Ten people were arrested in the second half of 2008.", "the second half of 2008", OCT22, "2008-07-01", "2008-12-31"),
    ("Ten people were arrested in the first half of 2019.", "the first half of 2019", OCT22, "2019-01-01", "2019-06-30"),
    ("Ten people were arrested the week of Oct. 4.", "the week of Oct. 4", OCT22, "2021-10-04", "2021-10-10"),
    ("Ten people were arrested over the weekend.", "the weekend", OCT22, "2021-10-16", "2021-10-17"),
    # a half of a month: its 1st to 15th, its 16th to last day
    ("Ten people were arrested in the first half of this month.", "the first half of this month", OCT22, "2021-10-01", "2021-10-15"),
    ("Ten people were arrested in the second half of last month.", "the second half of last month", OCT22, "2021-09-16", "2021-09-30"),
    # "a few days ago" and the like: two to seven days, weeks; two to eight months (value PAST_REF)
    ("Ten people were arrested a few days ago.", "a few days ago", OCT22, "2021-10-15", "2021-10-20"),
    ("Ten people were arrested several weeks ago.", "several weeks ago", OCT22, "2021-09-03", "2021-10-08"),
    ("Ten people were arrested some months ago.", "some months ago", OCT22, "2021-02-22", "2021-08-22"),
    # the beginning of a year is its January, as its end is December 21-31; "early" in it is January-April
    ("An order was issued at the beginning of the year.", "the beginning of the year", date(2023, 2, 15), "2023-01-01", "2023-01-31"),
    ("An order was issued at the start of 2019.", "the start of 2019", OCT22, "2019-01-01", "2019-01-31"),
    ("An order was issued early this year.", "early this year", date(2023, 5, 15), "2023-01-01", "2023-04-30"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "phrase", "published", "earliest", "latest"), WINDOWS)
def test_window(sentence: str, phrase: str, published: date, earliest: str, latest: str) -> None:
    (t,) = [t for t in tag(sentence, published) if t.text == phrase]
    assert t.window is not None
    assert (t.window.earliest, t.window.latest) == (date.fromisoformat(earliest), date.fromisoformat(latest))


def test_table_is_large() -> None:
    assert len(ROWS) + len(WINDOWS) >= 60


@pytest.mark.parametrize(
    "sentence",
    [
        "He was seen in the days after.",  # nothing named after "after": no event to stand around
        "They left in the weeks after, as planned.",
        "He scored 2 in the afternoon session.",  # a session, not a time of day
        "He clocked 12:58.41 to break the record.",  # a race time, not a clock time
        "City scored twice in the second half.",  # the second half of a game
        "Her mother was taken in for questioning the morning after she vanished.",
    ],
)
def test_unit_words_alone_are_not_tagged(sentence: str) -> None:
    assert [t.text for t in tag(sentence, FRI)] == []


def test_a_habit_in_the_morning_is_not_a_date() -> None:
    found = [t.text for t in tag("Residents may go out only for two hours in the morning.", FRI)]
    assert found == ["two hours"]
