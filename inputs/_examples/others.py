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

AGENDA_HEADER = ["Item", "Heading", "Title", "Report", "Text", "Presenter", "Wards", "Exempt",
                 "Appendices", "Appendix titles", "Supplementary", "Reason for lateness",
                 "Reason for urgency"]


def row(item=None, heading=None, title=None, report=None, text=None, presenter=None,
        wards=None, exempt=None, appendices=None, titles=None, late=None, late_reason=None,
        urgency=None):
    return (item, heading, title, report, text, presenter, wards, exempt, appendices, titles,
            late, late_reason, urgency)


AGENDA = [
    row(heading="Procedural items"),
    row(1, title="Apologies for absence"),  # left empty: the standard wording is used
    row(2, title="Declarations of pecuniary interest", text="Members are asked to declare "
        "any disclosable pecuniary interest in any item on the agenda."),
    row(3, title="Minutes of the previous meeting", text="To agree the minutes of the meeting "
        "held on 1 February 2017 as a correct record.",
        appendices="appendices/minutes-2017-02-01.pdf", titles="Minutes, 1 February 2017"),
    row(heading="Items for discussion"),
    row(4, title="Shared and outsourced services: executive response and action plan",
        report="items/shared-services-executive-response.xlsx",
        presenter="Sophie Ellis, Assistant Director of Business Improvement", wards="All"),
    row(5, title="Scrutiny review on shared services: scope",
        report="items/shared-services-scope.xlsx", wards="All"),
    row(6, title="Alternative delivery models: guiding principles for business cases",
        report="items/cabinet-business-case-principles.xlsx", wards="All",
        appendices="appendices/appendix-a-guiding-principles.pdf;"
        "appendices/appendix-b-savings-by-option.pdf",
        titles="Guiding principles for business cases;Savings by delivery option"),
    row(7, title="Waste and street cleansing contract: performance update",
        report="reports/waste-contract-performance.docx",
        presenter="Head of Street Scene and Waste", wards="All"),
    row(8, title="Scrutiny recommendations tracker: progress update",
        report="items/recommendations-tracker.xlsx", wards="All", late="Yes",
        late_reason="The February progress updates from three departments arrived after the "
        "agenda was published.",
        urgency="The Commission's next meeting is after the Cabinet decides the 2017/18 "
        "work programme, which the tracker informs."),
    row(heading="Part 2 \u2013 not open to the public"),
    row(9, title="Shared IT infrastructure: contract award",
        report="items/shared-it-contract-award.xlsx", wards="All", exempt="3"),
]

PRINCIPLES = [
    "Set out every option considered, including keeping the service in house.",
    "Model the costs and savings of each option over at least five years.",
    "Describe the benefits other than savings and how they will be measured.",
    "Name the risks, their owners and how each will be managed.",
    "Set out the exit arrangements should the model not deliver.",
    "Show how staff, trade unions and service users have been consulted.",
]

SAVINGS_HEADER = ["Option", "2017/18", "2018/19", "2019/20", "2020/21", "2021/22",
                  "Five-year total", "One-off costs", "Net saving", "Risk"]
SAVINGS = [
    ("Keep in house, redesigned", "£0.10m", "£0.25m", "£0.30m", "£0.30m", "£0.30m", "£1.25m",
     "£0.15m", "£1.10m", "Low"),
    ("Shared service with a neighbouring borough", "£0.05m", "£0.40m", "£0.60m", "£0.60m",
     "£0.60m", "£2.25m", "£0.70m", "£1.55m", "Medium"),
    ("Outsourced contract", "£0.00m", "£0.50m", "£0.70m", "£0.70m", "£0.70m", "£2.60m",
     "£1.10m", "£1.50m", "High"),
    ("Local authority trading company", "£0.00m", "£0.20m", "£0.45m", "£0.55m", "£0.60m",
     "£1.80m", "£0.90m", "£0.90m", "Medium"),
]

MINUTES = [
    "Present: Councillors Peter Southgate (Chair), Peter McCabe, Hamish Badenoch, John "
    "Dehaney, Suzanne Grocott, Sally Kenny, Abdul Latif and Dennis Pearce.",
    "1. Apologies for absence were received from Councillor Oonagh Moulton.",
    "2. There were no declarations of pecuniary interest.",
    "3. The minutes of the meeting held on 11 January 2017 were agreed as a correct record.",
    "4. Budget scrutiny: the Commission considered the comments of the scrutiny panels on the "
    "draft business plan 2017-21 and resolved to refer them to Cabinet.",
    "5. Work programme: the Commission agreed its work programme for the remainder of the "
    "municipal year.",
]
