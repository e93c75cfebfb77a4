"""Content of the Merton OSC item (7 March 2017): executive response and action plan."""

from datetime import datetime

REPORT = [
    ("Report type", "executive-response"),
    ("Committee", "Overview and Scrutiny Commission"),
    ("Meeting date", datetime(2017, 3, 7)),
    ("Agenda item", None),
    ("Wards", "All"),
    ("Subject", "Shared Services and Outsourced Services in Merton Task Group"),
    ("Lead officer", "Ged Curran, Chief Executive"),
    ("Lead member", "Cllr Allison, Deputy Leader and Cabinet Member for Finance"),
    ("Contact officer", "Sophie Ellis, Assistant Director of Business Improvement"),
    ("Recommendations", "That the Commission discuss and comment on the executive response "
     "and action plan setting out how the agreed recommendations of the Shared and "
     "Outsourced Services in Merton Task Group will be implemented."),
]

SECTIONS = [
    ("Purpose of report", "The purpose of this report is to set out the Executive Response and "
     "Action Plan to the Overview and Scrutiny Commission to demonstrate how the agreed "
     "recommendations of the Shared and Outsourced Services in Merton Task Group will be "
     "implemented."),
    ("Background", "At their meeting on 14 November 2016 Cabinet considered the final report "
     "and accepted the recommendations resulting from the task group review of shared and "
     "outsourced services in Merton."),
    ("Executive response", "CMT have considered in detail the findings of the review and "
     "resulting recommendations.  They would like to record their thanks to the Task Group "
     "for their comprehensive research and constructive recommendations; the insight into "
     "the council’s approach to considering alternative delivery models as well as lessons "
     "from good practice elsewhere have been – and will continue to be – invaluable in "
     "strengthening the council’s approach in this important area."),
    ("Executive response", "In developing an executive response, CMT have focused on the "
     "outcomes that the commission is seeking to achieve, which are understood to be:\n"
     "• More rigorous process of challenge to the status quo, led by CMT, to ensure "
     "alternatives to current delivery models are properly considered comprehensively so "
     "that the most appropriate delivery model is chosen for each service.\n"
     "• A more systemised and consistent approach to the transition of delivery mechanisms "
     "into shared or outsourced services.\n"
     "• Adequate mechanisms with third party providers to ensure the council meets its "
     "responsibilities as the contracting authority and that accountability is maintained."),
    ("Executive response", "As the Commission is aware, the council’s strategic planning "
     "process requires each service area to develop a target operating model (TOM) that "
     "provides a view of how it will transform and improve over the coming four year period.  "
     "These are revisited every two years and the process is driven and overseen by CMT, with "
     "individual Directors accountable for development of TOMs for each of the services "
     "within their department.  As the Task Group found, however, the degree to which this "
     "incorporates rigorous challenge from within the service may well vary from one service "
     "to another; its rigor depends in a large part on the propensity of the relevant Head of "
     "Service for innovation."),
    ("Executive response", "With this in mind, CMT will be refining and strengthening this "
     "process for its next iteration (2018/9) and ensure that in the meantime CMT, the Merton "
     "Improvement Board and DMTs take an active role in continuously questioning current "
     "delivery models and promoting a culture of innovation and enquiry.  Making sure that "
     "information and support is available to officers about alternative delivery models, as "
     "recommended by the Task Group, will play an important role here also."),
    ("Executive response", "When forming the action plan set out in this report, CMT reflected "
     "on the challenges in instilling a culture of innovation and challenge amongst service "
     "leaders, many of which are articulated within the Task Group report.  It was felt that "
     "these challenges presented a degree of risk in relation to three of the "
     "recommendations, namely that their implementation may not deliver the desired "
     "outcomes.  With this in mind the action plan e offers alternative activities for three "
     "of the recommendations as follows."),
    ("Executive response", "## Recommendations 2 and 3 – development of business case template"),
    ("Executive response", "As the Task Group report recognises the permutations of service "
     "delivery models are complex and therefore the considerations for each proposed change "
     "to these will be varied.  Capturing these in a single template, therefore, would be "
     "difficult and run the risk of stifling rather than promoting creativity and "
     "innovation.  That being said, it is important that there is a consistent and "
     "comprehensive approach to the development of alternative models (in keeping with the "
     "outcomes articulated in item 3.1 of this report).  CMT therefore propose that a set of "
     "guiding principles is developed and clear questions that each individual proposal must "
     "answer.  In developing these officers will draw on the experience of those services who "
     "have already transitioned to alternative delivery models as well as that of other "
     "authorities."),
    ("Executive response", "## Recommendation 5 – mandatory appraisal objectives"),
    ("Executive response", "The importance of service managers being encouraged and supported "
     "to routinely investigate and learn from good practice within the council and elsewhere "
     "in order to improve service delivery is acknowledged.  CMT question, however, whether "
     "the addition of a mandatory appraisal objective will achieve this outcome.  As the Task "
     "Force report notes, the key to making this work well is to ensure service managers have "
     "the appropriate information and skills to think strategically and challenge existing "
     "practice.  There is currently a programme of leadership development being delivered to "
     "managers across the organisation which goes some way to address this challenge.  In "
     "addition to this, the TOM process is to be refined to provide service managers with "
     "more direct, dedicated support to think strategically and stronger challenge from peers "
     "to ensure creativity.  It is proposed that these actions will more effectively achieve "
     "the intended outcome."),
    ("Executive response", "The following table sets out in more detail the executive response "
     "to each of the recommendations."),
    ("Consultation undertaken or proposed", "All members of CMT have been involved in the "
     "development of this report."),
    ("Consultation undertaken or proposed", "The work to develop guiding principles and "
     "supporting materials will involve officers across the organisation with experience of "
     "selecting and implementing alternative delivery models."),
    ("Timetable", "The table within this report sets out the timescales for delivery."),
    ("Financial, resource and property implications", "The council faces considerable financial "
     "pressure in current and future years.  The delivery of the activities set out in this "
     "executive response will ensure the organisation continues to deliver services in the "
     "most efficient and effective way."),
    ("Legal and statutory implications", "Changes to service delivery models will have legal "
     "and statutory implications.  Consideration of this will be incorporated within the "
     "proposed guidance/supporting information to be developed to ensure this is adequately "
     "accounted for and managed on a case by case basis."),
    ("Risk management and health and safety implications", "Changes to service delivery models "
     "will require careful assessment and management of risk.  Consideration of this will be "
     "incorporated within the proposed guidance/supporting information to be developed to "
     "ensure this is adequately accounted for and managed on a case by case basis."),
    ("Background papers", "Report and recommendations arising from the scrutiny task group "
     "reviews of shared and outsourced services in Merton."),
]

AIBI = "Assistant Director of Business Improvement"

# Ref, Recommendation, Executive response, Timeline, Lead officer (empty when in Actions)
RECOMMENDATIONS = [
    (1, "That the Corporate Management Team (CMT) should have a more clearly defined mandate "
     "and process to embed challenge on models of service delivery at a senior level within "
     "the organisation. This will ensure that there is more specific challenge to service "
     "managers as well as internal peer review.", None, None, None),
    (2, "That decision making on the establishment of proposed shared and outsourced services "
     "is strengthened through the production of a standardised business case that is "
     "presented to the Corporate Management Team and to Cabinet (or the relevant individual "
     "Cabinet Member for smaller services) for approval. This business case should be clearly "
     "evidenced and should include financial modelling to set out options and alternatives "
     "as well as details of other expected benefits so that vigorous challenge can be "
     "provided prior to a formal decision being made.",
     "A set of guiding principles will be created to inform and support for the development "
     "of bespoke business cases, along with clear questions that must be answered within "
     "each business case.", "June 2017", AIBI + " (with CMT sign off)"),
    (3, "That a draft of the business case template is brought to the Overview and Scrutiny "
     "Commission for discussion prior to finalising it.",
     "The guiding principles and questions will be presented to OSC for discussion.",
     "TBC with Head of Democratic Services", AIBI),
    (4, "That Cabinet should ensure there is support provided to service managers who are "
     "exploring the feasibility of establishing a new shared or outsourced service so that "
     "these managers can draw on learning and expertise that already exists within the "
     "council. This should take the form of an on-line resource such as a checklist of issues "
     "to consider and contact details of officers who can provide advice and support. The "
     "resource should also include guidance on developing and complying with the "
     "standardised business case for the service as set out in recommendation 2 above.",
     "A checklist will be developed drawing on the experience of services that have already "
     "transitioned to alternative delivery models.", "June", AIBI),
    (5, "That the Corporate Management Team should ensure that service managers have a "
     "mandatory appraisal objective to familiarise themselves with best practice elsewhere "
     "and consider how best to incorporate this in their service delivery.", None, None, None),
    (6, "That the Corporate Management Team should ensure that a training or briefing "
     "resource is developed for officers in those corporate teams (such as HR, IT, finance "
     "and facilities) so that they understand the delivery model and likely support "
     "requirements of the council’s shared services.",
     "Work will be undertaken with representatives from services currently working in shared "
     "arrangements to develop a briefing resource for officers in corporate teams.",
     "July", AIBI),
    (7, "That the Overview and Scrutiny Commission should invite the Chief Executive to "
     "present a report annually to set out how challenge has been embedded, what choices "
     "have been made by service managers on models of service delivery, what changes "
     "resulted from the challenge process and what options were rejected and why.",
     "The Chief Executive, working with CMT, will respond to the invitation with a report "
     "drawing on the mechanisms set out within this report to provide an overview of how "
     "alternative delivery models are being considered and changes resulting from this "
     "process.", "March", "Chief Executive and CMT"),
    (8, "That the Overview and Scrutiny Commission (or relevant Panel) should receive a report "
     "on the proposed establishment of large or strategically important shared or outsourced "
     "services at a point in time when there is an opportunity to have some influence on its "
     "development. There should be further reports to review the operation, performance and "
     "budget of the service 15 months after the start date and when the agreement is due for "
     "review.",
     "CMT propose to discharge this recommendation through the forward plan mechanisms which "
     "highlights to the Commission any significant decisions on service reconfiguration.",
     "Ongoing", "CMT"),
]

# Ref, Action, Timeline, Lead officer
ACTIONS = [
    (1, "As part of a planned review the TOM process is to be strengthened so that more "
     "direct, dedicated support – with facilitated sessions where required – to be made "
     "available to service managers as part of the TOM review/development process.",
     "Late 2017", "AD Business Improvement"),
    (1, "DMTs will continue to routinely review (as part of their TOM action plan review) "
     "actions set out against the ‘organisation’ layer to review whether planned changes to "
     "delivery models need to be amended/updated.", "Ongoing", "Directors"),
    (1, "As part of the biannual reports already presented to Merton Improvement Board, DMTs "
     "will be asked to expressly report on progress against the ‘organisation’ layer and how "
     "it is being kept under review and MIB provide constructive challenge.", "Ongoing",
     "Chair, Merton Improvement Board"),
    (5, "CMT will continue to deliver the agreed programme of leadership development over the "
     "coming 18 months.", "Ongoing to mid 2018", "Chair, Workforce Strategy Group"),
    (5, "The TOM development/refresh process will be refined for its next iteration to include "
     "more direct, dedicated support and challenge as per response to Recommendation 1 above.",
     "Late 2017", AIBI),
]
