//! Every mail the system sends: plain text and HTML, Chinese first with
//! English below. Values are escaped for HTML here and nowhere else.

/// A rendered mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    /// A short machine name (`alert`, `referral`, ...), stored on the outbox row.
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Builds a mail from Chinese and English paragraphs and an optional link.
fn mail(
    kind: &'static str,
    subject: String,
    zh: &[String],
    en: &[String],
    link: Option<String>,
) -> Mail {
    let mut text = zh.join("\n");
    if let Some(l) = &link {
        text.push_str(&format!("\n{l}"));
    }
    text.push_str("\n\n——\n\n");
    text.push_str(&en.join("\n"));
    text.push_str("\n\n回归 Huigui 社区矫正服务平台\n");
    let para = |lines: &[String], lang: &str| {
        lines
            .iter()
            .map(|l| format!("<p lang=\"{lang}\">{}</p>", html_escape::encode_text(l)))
            .collect::<String>()
    };
    let link_html = link
        .map(|l| {
            let e = html_escape::encode_double_quoted_attribute(&l);
            format!(
                "<p><a href=\"{e}\">{}</a></p>",
                html_escape::encode_text(&l)
            )
        })
        .unwrap_or_default();
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{}</title></head><body>{}{link_html}<hr>{}<p>回归 Huigui</p></body></html>",
        html_escape::encode_text(&subject),
        para(zh, "zh-CN"),
        para(en, "en"),
    );
    Mail {
        kind,
        subject,
        text,
        html,
    }
}

fn alert_kind_zh(kind: &str) -> &'static str {
    match kind {
        "no_show" => "缺席活动",
        "repeated_absence" => "本月多次无故缺席",
        "month_at_risk" => "本月时长可能不达标",
        "month_not_met" => "上月时长未达标",
        "correction_ending" => "矫正期即将届满",
        "behaviour_concern" => "行为关注（社会组织反映）",
        _ => "预警",
    }
}

/// A new alert for the person's judicial office (or, escalated, for the agency).
pub fn alert(kind: &str, person_code: &str, detail: &str, escalated: bool, link: String) -> Mail {
    let zh_kind = alert_kind_zh(kind);
    let (zh_head, en_head) = if escalated {
        (
            "司法所已将以下预警移交贵单位处理。",
            "A judicial office escalated this alert to you.",
        )
    } else {
        (
            "您所辖社区矫正对象有一条新的预警。",
            "A person supervised by your office has a new alert.",
        )
    };
    mail(
        "alert",
        format!("【预警】{zh_kind}（{person_code}） / Alert: {kind}"),
        &[
            zh_head.into(),
            format!("类别：{zh_kind}"),
            format!("对象编号：{person_code}"),
            format!("情况：{detail}"),
        ],
        &[
            en_head.into(),
            format!("Kind: {kind}"),
            format!("Participant code: {person_code}"),
            format!("Detail: {detail}"),
        ],
        Some(link),
    )
}

/// Referral events: `created` (to the agency), `accepted` / `resolved` / `declined` (to the office),
/// `reminder` / `due` (to the agency).
pub fn referral(
    event: &str,
    need: &str,
    respond_by: &str,
    response: Option<&str>,
    link: String,
) -> Mail {
    let (zh, en) = match event {
        "created" => (
            "司法所向贵单位发起一项帮扶转介，请在期限内答复。",
            "A judicial office referred a person to you for assistance; please respond by the date below.",
        ),
        "accepted" => ("帮扶转介已被受理。", "The referral was accepted."),
        "resolved" => ("帮扶转介已办结。", "The referral was resolved."),
        "declined" => ("帮扶转介未被受理。", "The referral was declined."),
        "reminder" => (
            "提醒：帮扶转介的答复期限临近。",
            "Reminder: the response deadline of a referral is near.",
        ),
        _ => (
            "提醒：帮扶转介今日到期。",
            "Reminder: a referral is due today.",
        ),
    };
    let mut zh_lines = vec![
        zh.to_string(),
        format!("帮扶需求：{need}"),
        format!("答复期限：{respond_by}"),
    ];
    let mut en_lines = vec![
        en.to_string(),
        format!("Need: {need}"),
        format!("Respond by: {respond_by}"),
    ];
    if let Some(r) = response {
        zh_lines.push(format!("答复：{r}"));
        en_lines.push(format!("Response: {r}"));
    }
    mail(
        "referral",
        format!("【帮扶转介】{need} / Referral {event}"),
        &zh_lines,
        &en_lines,
        Some(link),
    )
}

/// A cancelled session, to the offices of the people enrolled in it.
pub fn session_cancelled(title: &str, starts_at: &str, people: usize, link: String) -> Mail {
    mail(
        "session_cancelled",
        format!("【活动取消】{title} / Session cancelled"),
        &[
            format!("活动“{title}”（{starts_at}）已取消。"),
            format!("贵所报名人数：{people}"),
        ],
        &[
            format!("The session \"{title}\" ({starts_at}) was cancelled."),
            format!("People of your office enrolled: {people}"),
        ],
        Some(link),
    )
}

/// The award of a procurement, to each bidding NGO.
pub fn award(procurement: &str, won: bool, link: String) -> Mail {
    let (zh, en) = if won {
        (
            "贵单位中标，请等待合同签订通知。",
            "Your bid was awarded; the contract follows.",
        )
    } else {
        (
            "本项目已确定中标单位，感谢贵单位参与。",
            "The procurement was awarded to another bidder. Thank you for taking part.",
        )
    };
    mail(
        "award",
        format!("【中标结果】{procurement} / Award notice"),
        &[format!("项目：{procurement}"), zh.into()],
        &[format!("Procurement: {procurement}"), en.into()],
        Some(link),
    )
}

/// Two warnings: the rules suggest a proposal to revoke, for the bureau.
pub fn revocation_suggested(person_code: &str, link: String) -> Mail {
    mail(
        "revocation_suggested",
        format!("【提请撤销建议】{person_code} / Revocation proposal suggested"),
        &[format!(
            "对象 {person_code} 已受两次警告，依实施办法建议提请撤销缓刑/假释或收监执行，请审核。"
        )],
        &[format!(
            "{person_code} has received two warnings; under the 2020 implementing rules a proposal to revoke is suggested for the bureau's decision."
        )],
        Some(link),
    )
}

/// An officer's decision on a contract report, to the NGO.
pub fn report_decision(
    contract_no: &str,
    from: &str,
    to: &str,
    accepted: bool,
    comments: Option<&str>,
    link: String,
) -> Mail {
    let (zh, en) = if accepted {
        ("服务报告已通过审核。", "The report was accepted.")
    } else {
        (
            "服务报告被退回，请根据意见修改后重新提交。",
            "The report was returned; please revise and resubmit.",
        )
    };
    let mut zh_lines = vec![
        format!("合同 {contract_no}，报告期 {from} 至 {to}。"),
        zh.to_string(),
    ];
    let mut en_lines = vec![
        format!("Contract {contract_no}, period {from} to {to}."),
        en.to_string(),
    ];
    if let Some(c) = comments {
        zh_lines.push(format!("意见：{c}"));
        en_lines.push(format!("Comments: {c}"));
    }
    mail(
        "report",
        format!(
            "【服务报告】{contract_no} / Report {}",
            if accepted { "accepted" } else { "returned" }
        ),
        &zh_lines,
        &en_lines,
        Some(link),
    )
}

/// A contract's monthly report is overdue, to the NGO.
/// A supervision finding (检察监督) addressed to the organisation: new, or
/// (`overdue`) its rectification deadline has passed without an answer.
/// The mail carries no finding text (it may name people): the link shows it
/// to those who may read it.
pub fn finding(overdue: bool, rectify_by: &str, link: String) -> Mail {
    let (subject, zh, en) = if overdue {
        (
            format!("检察监督意见逾期未整改 Overdue finding (rectify by {rectify_by})"),
            format!("检察机关的监督意见已过整改期限（{rectify_by}），请尽快整改并答复。"),
            format!(
                "The procuratorate's finding was due for rectification by {rectify_by}; please rectify and respond."
            ),
        )
    } else {
        (
            format!("检察监督意见 New finding (rectify by {rectify_by})"),
            format!("检察机关向贵单位提出监督意见，请于{rectify_by}前整改并答复。"),
            format!(
                "The procuratorate has recorded a finding addressed to you; rectify and respond by {rectify_by}."
            ),
        )
    };
    mail("finding", subject, &[zh], &[en], Some(link))
}

/// An assistance notice (协助通知) to a person's village or residents'
/// committee, or (`reminder`) the one reminder while it is unacknowledged.
pub fn assistance_notice(number: &str, reminder: bool, link: String) -> Mail {
    let (subject, zh, en) = if reminder {
        (
            format!("协助通知待确认 Please acknowledge assistance notice {number}"),
            format!(
                "司法所于五日前发出的社区矫正协助通知（{number}）尚未确认收悉，请登录查看并确认。"
            ),
            format!(
                "The assistance notice {number} sent five days ago has not been acknowledged; please read and acknowledge it."
            ),
        )
    } else {
        (
            format!("社区矫正协助通知 Assistance notice {number}"),
            format!(
                "司法所向贵村（居）委会发出社区矫正协助通知（{number}），请登录查看协助事项并确认收悉。"
            ),
            format!(
                "The judicial office has sent your committee the community-corrections assistance notice {number}; please read the duties and acknowledge it."
            ),
        )
    };
    mail("assistance_notice", subject, &[zh], &[en], Some(link))
}

/// A follow-up task of a joint meeting is past its day.
pub fn task_overdue(due_on: &str, link: String) -> Mail {
    mail(
        "task",
        format!("联席会议任务逾期 Overdue meeting task (due {due_on})"),
        &[format!(
            "联席会议交办贵单位的任务已过期限（{due_on}），请尽快办理并反馈结果。"
        )],
        &[format!(
            "A task a joint meeting gave your organisation was due on {due_on}; please complete it and report the result."
        )],
        Some(link),
    )
}

pub fn report_overdue(contract_no: &str, month: &str, link: String) -> Mail {
    mail(
        "report_overdue",
        format!("【报告逾期提醒】{contract_no} {month} / Report overdue"),
        &[format!(
            "合同 {contract_no} 的 {month} 服务报告尚未提交，请尽快提交。"
        )],
        &[format!(
            "The {month} report of contract {contract_no} has not been submitted yet."
        )],
        Some(link),
    )
}

/// A signed audit checkpoint for the procuratorate to keep.
pub fn audit_checkpoint(seq: i64, hash: &str, token: &str, public_key: &str, link: String) -> Mail {
    mail(
        "audit_checkpoint",
        format!("【审计检查点】第 {seq} 条 / Audit checkpoint at event {seq}"),
        &[
            format!("审计链截至第 {seq} 条事件的签名检查点（哈希 {hash}）。"),
            "请妥善保存下面的检查点文本；核验时将其作为 checkpoint 参数传给核验接口，可发现此后对审计记录的删除或改写。".into(),
            format!("检查点：{token}"),
            format!("签名公钥（Ed25519）：{public_key}"),
        ],
        &[
            format!("A signed checkpoint of the audit chain at event {seq} (hash {hash})."),
            "Keep the checkpoint text below; pass it as `checkpoint` to the verify endpoint to detect rows deleted or rewritten before it.".into(),
            format!("Checkpoint: {token}"),
            format!("Signing public key (Ed25519): {public_key}"),
        ],
        Some(link),
    )
}

/// The monthly bureau summary (CSV attachments carry the figures).
pub fn monthly_summary(
    month: &str,
    zh_lines: &[String],
    en_lines: &[String],
    link: String,
) -> Mail {
    let mut zh = vec![format!("{month} 社区矫正服务月度汇总（明细见附件 CSV）。")];
    zh.extend(zh_lines.iter().cloned());
    let mut en = vec![format!(
        "Monthly summary for {month} (details in the attached CSV files)."
    )];
    en.extend(en_lines.iter().cloned());
    mail(
        "monthly_summary",
        format!("【月度汇总】{month} / Monthly summary"),
        &zh,
        &en,
        Some(link),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_first_then_english_and_html_escaped() {
        let m = alert(
            "behaviour_concern",
            "HG-ABC",
            "<b>酒后</b> & 争吵",
            false,
            "https://x/alerts/1".into(),
        );
        let zh = m.text.find("预警").unwrap();
        let en = m
            .text
            .find("Alert")
            .or_else(|| m.text.find("alert"))
            .unwrap();
        assert!(zh < en, "{}", m.text);
        assert!(
            m.html.contains("&lt;b&gt;酒后&lt;/b&gt; &amp; 争吵"),
            "{}",
            m.html
        );
        assert!(!m.html.contains("<b>酒后"));
        assert!(m.subject.contains("HG-ABC"));
    }
}
