"""Content of the invented examples: a Cabinet report, a monitoring report,
an exempt Cabinet item and the meeting that brings them together."""

from datetime import date, datetime, time

CABINET_REPORT = [
    ("Report type", "cabinet"),
    ("Committee", "Cabinet"),
    ("Meeting date", datetime(2017, 3, 20)),
    ("Title", "Alternative delivery models: guiding principles for business cases"),
    ("Wards", "All"),
    ("Lead officer", "Ged Curran, Chief Executive"),
    ("Lead member", "Cllr Allison, Deputy Leader and Cabinet Member for Finance"),
    ("Contact officer", "Sophie Ellis, Assistant Director of Business Improvement"),
    ("Key decision", "Yes"),
    ("Forward plan reference", "FP/2017/014"),
    ("Exempt", "No"),
    ("Recommendations", "That Cabinet approves the guiding principles for business cases "
     "for alternative delivery models set out in Appendix A.\n"
     "That Cabinet delegates to the Chief Executive, in consultation with the Cabinet "
     "Member for Finance, minor amendments to the principles.\n"
     "That Cabinet notes that the principles will be presented to the Overview and Scrutiny "
     "Commission for discussion."),
]

CABINET_SECTIONS = [
    ("Purpose of report", "This report asks Cabinet to approve guiding principles that every "
     "business case for a shared, outsourced or other alternative delivery model must "
     "follow, in response to recommendation 2 of the Shared and Outsourced Services in "
     "Merton Task Group."),
    ("Reasons for the recommendations", "The task group found that business cases for "
     "alternative delivery models varied widely in depth and in the evidence they "
     "presented. Common principles will give Cabinet and the Corporate Management Team a "
     "consistent basis on which to challenge proposals."),
    ("Alternative options considered", "A single standard business case template was "
     "considered and rejected: the permutations of service delivery models are too varied "
     "for one template, which would risk stifling rather than promoting innovation."),
    ("Background", "On 14 November 2016 Cabinet accepted the recommendations of the task "
     "group review of shared and outsourced services."),
    ("Background", "The principles require each business case to set out:\n"
     "- the options considered, including keeping the service in house;\n"
     "- financial modelling of each option over at least five years;\n"
     "- the expected benefits other than savings, and how they will be measured;\n"
     "- the exit arrangements should the model not deliver."),
    ("Consultation undertaken or proposed", "The Corporate Management Team and the heads of "
     "the services already in shared arrangements have been consulted."),
    ("Timetable", "The principles will apply to business cases presented from 1 June 2017."),
    ("Financial, resource and property implications", "There are no direct financial "
     "implications. The principles will be maintained within existing resources."),
    ("Legal and statutory implications", "Each business case will need to address the "
     "council's duty of best value under section 3 of the Local Government Act 1999."),
    ("Appendices – the following documents are to be published with this report and form "
     "part of the report", "Appendix A – Guiding principles for business cases."),
    ("Background papers", "Report of the Shared and Outsourced Services in Merton Task "
     "Group, Cabinet, 14 November 2016."),
]

EXEMPT_REPORT = [
    ("Report type", "cabinet"),
    ("Committee", "Overview and Scrutiny Commission"),
    ("Meeting date", datetime(2017, 3, 7)),
    ("Title", "Shared IT infrastructure: contract award"),
    ("Wards", "All"),
    ("Lead officer", "Caroline Holland, Director of Corporate Services"),
    ("Contact officer", "Mark Humphries, Head of IT Service Delivery"),
    ("Key decision", "Yes"),
    ("Forward plan reference", "FP/2017/009"),
    ("Exempt", "3 – information relating to the financial or business affairs of any "
     "particular person"),
    ("Recommendations", "That the Commission notes the evaluation of tenders for the shared "
     "IT infrastructure contract."),
]

EXEMPT_SECTIONS = [
    ("Purpose of report", "This report sets out the evaluation of the three tenders received "
     "for the shared IT infrastructure contract."),
    ("Background", "Tender evaluation: Bidder B scored 87.5 of 100 against the published "
     "criteria, with a whole-life cost of £4.2m over seven years."),
]

MONITORING_REPORT = [
    ("Report type", "monitoring"),
    ("Committee", "Overview and Scrutiny Commission"),
    ("Meeting date", datetime(2017, 3, 7)),
    ("Title", "Scrutiny recommendations tracker: progress update"),
    ("Wards", "All"),
    ("Lead officer", "Julia Regan, Head of Democracy Services"),
    ("Contact officer", "Stella Akintan, Scrutiny Officer"),
    ("Recommendations", "That the Commission notes progress on the implementation of "
     "scrutiny recommendations and agrees which to remove from the tracker."),
]

MONITORING_SECTIONS = [
    ("Purpose of report", "This report updates the Commission on the implementation of "
     "recommendations from scrutiny reviews that Cabinet has accepted."),
    ("Background", "The tracker records every recommendation accepted by Cabinet, the "
     "executive response, the lead officer, and progress reported by the department."),
    ("Summary of progress", "Progress is summarised below by status and by RAG rating. A "
     "recommendation whose timeline has passed and which is not implemented is marked "
     "overdue."),
]

# Ref, Recommendation, Decision, Timeline, Lead officer, Status, RAG, Progress, Updated
TRACKER = [
    ("SR (16/17) 01", "CMT to strengthen the target operating model process to embed "
     "challenge on models of service delivery.", "Accepted", date(2017, 12, 31),
     "AD Business Improvement", "In progress", "Green",
     "Review of the TOM process under way; facilitated sessions planned for summer.",
     date(2017, 2, 20)),
    ("SR (16/17) 02", "Produce a standardised business case for proposed shared and "
     "outsourced services.", "Partially accepted", date(2017, 6, 30),
     "AD Business Improvement", "In progress", "Amber",
     "Guiding principles drafted; going to Cabinet on 20 March 2017.", date(2017, 2, 20)),
    ("SR (16/17) 03", "Bring a draft of the business case template to the Commission.",
     "Partially accepted", "TBC", "AD Business Improvement", "Not started", "Amber",
     "Awaiting Cabinet approval of the principles.", date(2017, 2, 20)),
    ("SR (16/17) 04", "Provide an on-line resource for managers exploring shared services.",
     "Accepted", date(2017, 1, 31), "AD Business Improvement", "In progress", "Red",
     "Checklist drafted; publication delayed by the intranet upgrade.", date(2017, 2, 14)),
    ("SR (16/17) 05", "Introduce a mandatory appraisal objective on best practice.",
     "Not accepted", None, "Chair, Workforce Strategy Group", "Not accepted", None,
     "Leadership development programme delivered instead.", date(2016, 11, 14)),
    ("SR (16/17) 06", "Develop a briefing resource for officers in corporate teams.",
     "Accepted", date(2016, 12, 31), "AD Business Improvement", "Implemented", "Green",
     "Briefing published on the intranet in December 2016.", date(2017, 1, 9)),
    ("SR (16/17) 07", "Invite the Chief Executive to report annually on challenge.",
     "Accepted", date(2018, 3, 31), "Chief Executive and CMT", "Not started", "Green",
     "First annual report scheduled for March 2018.", date(2017, 2, 1)),
    ("SR (16/17) 08", "Report to the Commission on proposed large shared services.",
     "Accepted", "Ongoing", "CMT", "Ongoing", "Green",
     "Forward plan items flagged to the Commission monthly.", date(2017, 2, 28)),
]

MEETING = [
    ("Council", "London Borough of Merton"),
    ("Committee", "Overview and Scrutiny Commission"),
    ("Date", datetime(2017, 3, 7)),
    ("Time", time(19, 15)),
    ("Venue", "Committee Rooms C, D & E - Merton Civic Centre, London Road, Morden SM4 5DX"),
    ("Membership", "Councillor Peter Southgate (Chair)\nCouncillor Peter McCabe (Vice-Chair)\n"
     "Councillor Hamish Badenoch\nCouncillor John Dehaney\nCouncillor Suzanne Grocott\n"
     "Councillor Sally Kenny\nCouncillor Abdul Latif\nCouncillor Oonagh Moulton\n"
     "Councillor Dennis Pearce"),
    ("Quorum", "3"),
    ("Contact", "Julia Regan, Head of Democracy Services: scrutiny@merton.gov.uk, "
     "020 8545 3864"),
]

# Item, Title, Report, Text, Wards, Exempt, Appendices, Supplementary
AGENDA = [
    (1, "Apologies for absence", None, "To receive apologies for absence.", None, None, None,
     None),
    (2, "Declarations of pecuniary interest", None, "Members are asked to declare any "
     "disclosable pecuniary interest in any item on the agenda.", None, None, None, None),
    (3, "Minutes of the previous meeting", None, "To agree the minutes of the meeting held "
     "on 1 February 2017 as a correct record.", None, None, None, None),
    (4, "Shared and outsourced services: executive response and action plan",
     "items/shared-services-executive-response.xlsx", None, "All", None, None, None),
    (5, "Scrutiny review on shared services: scope", "items/shared-services-scope.xlsx",
     None, "All", None, None, None),
    (6, "Alternative delivery models: guiding principles for business cases",
     "items/cabinet-business-case-principles.xlsx", None, "All", None,
     "appendices/appendix-a-guiding-principles.pdf", None),
    (7, "Scrutiny recommendations tracker: progress update",
     "items/recommendations-tracker.xlsx", None, "All", None, None, "Yes"),
    (8, "Shared IT infrastructure: contract award", "items/shared-it-contract-award.xlsx",
     None, "All", "3", None, None),
]
