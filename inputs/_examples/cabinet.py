"""Content of the invented Cabinet meeting of 21 March 2017: two key decisions (one
entered in the forward plan only 10 days before, so `check` warns), the executive
response to a scrutiny task group (its tracker a copy inside this folder, so
`reportgen decisions` has recommendations to write back), an item decided in
private, the forward plan, and the Decisions sheet."""

from datetime import date, datetime, time

import merton
import others

MEETING_DATE = datetime(2017, 3, 21)

MEETING = [
    ("Council", "London Borough of Merton"),
    ("Committee", "Cabinet"),
    ("Date", MEETING_DATE),
    ("Time", time(19, 15)),
    ("Venue", "Committee Rooms C, D & E - Merton Civic Centre, London Road, Morden SM4 5DX"),
    ("Membership", "Councillor Anne Baker (Chair)\nCouncillor Mark Carter (Deputy Leader and "
     "Cabinet Member for Finance)\nCouncillor Priya Desai\nCouncillor Tom Evans\n"
     "Councillor Grace Fielding\nCouncillor Hassan Iqbal"),
    ("Contact", "Democratic Services: democratic.services@merton.gov.uk, 020 8545 3356"),
]

# Item, Title, Report, Text, Wards, Exempt
AGENDA = [
    (1, "Apologies for absence", None, "To receive apologies for absence.", None, None),
    (2, "Declarations of pecuniary interest", None, "Members are asked to declare any "
     "disclosable pecuniary interest in any item on the agenda.", None, None),
    (3, "Minutes of the previous meeting", None, "To agree the minutes of the meeting held "
     "on 20 February 2017 as a correct record.", None, None),
    (4, "Alternative delivery models: guiding principles for business cases",
     "items/business-case-principles.xlsx", None, "All", None),
    (5, "Waste and street cleaning: replacement vehicle fleet", "items/waste-fleet.xlsx",
     None, "All", None),
    (6, "Shared and outsourced services task group: executive response",
     "items/shared-services-tracker.xlsx", None, "All", None),
    (7, "Shared IT infrastructure: interim support contract", "items/it-interim-support.xlsx",
     None, "All", "3"),
]

PRINCIPLES_REPORT = [(field, MEETING_DATE if field == "Meeting date" else value)
                     for field, value in others.CABINET_REPORT]
PRINCIPLES_SECTIONS = others.CABINET_SECTIONS

FLEET_REPORT = [
    ("Report type", "cabinet"),
    ("Committee", "Cabinet"),
    ("Meeting date", MEETING_DATE),
    ("Title", "Waste and street cleaning: replacement vehicle fleet"),
    ("Wards", "All"),
    ("Lead officer", "Chris Lee, Director of Environment and Regeneration"),
    ("Lead member", "Councillor Tom Evans, Cabinet Member for Street Cleanliness"),
    ("Contact officer", "Cormac Stokes, Head of Street Scene and Waste"),
    ("Key decision", "Yes"),
    ("Forward plan reference", "FP/2017/027"),
    ("Exempt", "No"),
    ("Reasons for urgency", "The lease of the current fleet ends on 31 March 2017 and "
     "cannot be extended; without a decision at this meeting collections would stop."),
    ("Recommendations", "That Cabinet approves the purchase of 24 replacement refuse and "
     "street cleaning vehicles through the national framework agreement.\n"
     "That Cabinet delegates the call-off contract award to the Director of Environment "
     "and Regeneration."),
]

FLEET_SECTIONS = [
    ("Purpose of report", "This report seeks approval to replace the council's refuse and "
     "street cleaning vehicles, whose lease ends on 31 March 2017."),
    ("Reasons for the recommendations", "Buying the vehicles through the national framework "
     "costs less over their seven-year life than a new lease, and can be in place before "
     "the current lease ends."),
    ("Alternative options considered", "A further lease was considered and rejected: no "
     "lessor could supply the vehicles by 31 March 2017 at an acceptable price."),
    ("Background", "The lessor told the council on 6 March 2017 that the lease could not be "
     "extended beyond 31 March 2017. The decision was entered in the forward plan on 10 March "
     "2017 and the chair of the Overview and Scrutiny Commission has agreed that it is urgent "
     "and cannot reasonably be deferred."),
    ("Financial, resource and property implications", "The purchase is within the approved "
     "capital programme for 2017/18."),
]

# Ref, Recommendation, Executive response, Timeline, Lead officer, Decision, Review,
# Report date, Executive date: the task group's recommendations awaiting Cabinet's decision.
REVIEW = "Shared and outsourced services task group"
TRACKER = [
    (ref, text, response or "See the actions in the report.",
     "September 2017" if "TBC" in (timeline or "") else timeline or "Ongoing",
     lead or merton.AIBI, None, REVIEW, date(2016, 12, 7), date(2017, 1, 23))
    for ref, text, response, timeline, lead in merton.RECOMMENDATIONS
]

TRACKER_REPORT = [
    ("Report type", "executive-response"),
    ("Committee", "Cabinet"),
    ("Meeting date", MEETING_DATE),
    ("Title", "Shared and outsourced services task group: executive response"),
    ("Wards", "All"),
    ("Lead officer", "Ged Curran, Chief Executive"),
    ("Lead member", "Councillor Mark Carter, Deputy Leader and Cabinet Member for Finance"),
    ("Contact officer", "Sophie Ellis, Assistant Director of Business Improvement"),
    ("Recommendations", "That Cabinet agrees the executive response to each recommendation "
     "of the task group, set out in the table below."),
]

TRACKER_SECTIONS = [
    ("Purpose of report", "This report asks Cabinet to decide its response to the eight "
     "recommendations of the Shared and Outsourced Services in Merton Task Group, which the "
     "Overview and Scrutiny Commission agreed on 7 December 2016 and Cabinet received on 23 "
     "January 2017."),
    ("Background", "The task group reviewed how the council decides whether to share or "
     "outsource a service, and how it oversees the services it has shared or outsourced."),
    ("Executive response", "The table sets out the proposed response to each recommendation."),
]

EXEMPT_REPORT = [
    ("Report type", "cabinet"),
    ("Committee", "Cabinet"),
    ("Meeting date", MEETING_DATE),
    ("Title", "Shared IT infrastructure: interim support contract"),
    ("Wards", "All"),
    ("Lead officer", "Caroline Holland, Director of Corporate Services"),
    ("Contact officer", "Mark Humphries, Head of IT Service Delivery"),
    ("Key decision", "No"),
    ("Exempt", "3"),
    ("Recommendations", "That Cabinet agrees to extend the interim support contract."),
]

EXEMPT_SECTIONS = [
    ("Purpose of report", "This report sets out the terms offered for extending the interim "
     "support of the shared IT infrastructure until the new contract starts."),
    ("Reasons for the recommendations", "Support must continue until the new contract "
     "starts on 1 October 2017."),
    ("Background", "Bidder B has offered six months' support from 1 April 2017 at a cost of "
     "£184,000."),
]

# Ref, Matter, Decision maker, Decision date, Wards, Documents, Contact, Exempt paragraph,
# First published
FORWARD_PLAN = [
    ("FP/2016/052", "Council tax support scheme 2017/18", "Cabinet", date(2017, 1, 16), "All",
     "Report", "Roger Kershaw, Assistant Director of Resources", None, date(2016, 11, 4)),
    ("FP/2017/014", "Guiding principles for alternative delivery model business cases",
     "Cabinet", date(2017, 3, 21), "All", "Report; Appendix A: guiding principles",
     "Sophie Ellis, Assistant Director of Business Improvement, 020 8545 3000", None,
     date(2017, 1, 13)),
    ("FP/2017/027", "Replacement refuse and street cleaning vehicles", "Cabinet",
     date(2017, 3, 21), "All", "Report and vehicle options appraisal",
     "Cormac Stokes, Head of Street Scene and Waste, 020 8545 3000", None, date(2017, 3, 10)),
    ("FP/2017/031", "Disposal of the former Hill Road depot site", "Cabinet",
     date(2017, 4, 18), "Colliers Wood", "Report; valuation (exempt)",
     "Howard Joy, Property Management and Review Manager, 020 8545 3000", "3",
     date(2017, 2, 17)),
    ("FP/2017/033", "Library opening hours: outcome of consultation",
     "Cabinet Member for Community and Culture", "May 2017", "All",
     "Report; consultation results", "Anthony Hopkins, Head of Libraries, 020 8545 3000",
     None, date(2017, 3, 3)),
]

# Item, Decision, Reasons, Alternatives, Interests declared, Dispensations, Urgent,
# Recommendations
DECISIONS = [
    (4, "1. Cabinet approved the guiding principles for business cases for alternative "
     "delivery models set out in Appendix A.\n2. Cabinet delegated to the Chief Executive, "
     "in consultation with the Cabinet Member for Finance, minor amendments to the "
     "principles.", "Common principles give Cabinet and the Corporate Management Team a "
     "consistent basis on which to challenge proposals, as the task group recommended.",
     "A single standard business case template, rejected as too rigid for the range of "
     "delivery models.", None, None, "No", None),
    (5, "Cabinet approved the purchase of 24 replacement refuse and street cleaning vehicles "
     "through the national framework agreement, and delegated the call-off contract award "
     "to the Director of Environment and Regeneration.", "The lease of the current fleet "
     "ends on 31 March 2017; buying through the framework costs less over the vehicles' "
     "life than a new lease.", "A further lease: no lessor could supply the vehicles in time.",
     "Councillor Priya Desai declared a non-pecuniary interest as a trustee of a charity "
     "that receives recycled vehicles, and took part.", None, "Yes", None),
    (6, "Cabinet agreed the executive response and action plan to the recommendations of the "
     "Shared and Outsourced Services in Merton Task Group.", "The response sets out how each "
     "agreed recommendation will be implemented and why recommendation 5 is not accepted.",
     "Accepting every recommendation as written, rejected for recommendations 2, 3 and 5 for "
     "the reasons in the report.", None, None, "No",
     "1: Accepted\n2: Partially accepted\n3: Partially accepted\n5: Not accepted\n"
     "All: Accepted"),
    (7, "Cabinet agreed to extend the interim IT infrastructure support contract with Bidder "
     "B for six months from 1 April 2017 at a cost of £184,000.", "Support must continue "
     "until the new contract starts; Bidder B's offer is the only one that can start on 1 "
     "April 2017.", "Bringing support in house for six months, rejected as costing more.",
     None, None, "No", None),
]
