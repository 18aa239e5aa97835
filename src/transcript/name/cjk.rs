//! Names in Han, Kana and Hangul scripts, which have no capitals to
//! recognise them by: which characters are the script, which short runs
//! are words of speech or address rather than names, and how Chinese
//! offices end.
//!
//! Separate because none of the Latin-script rules (capitals, honorifics)
//! apply to these names.

/// Whether `c` is a Han, Kana or Hangul character: names in those scripts
/// have no capitals to recognise them by.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Words that make a short run of Han characters a form of address or a
/// group, not a name: `主持人：各位记者，下午好` greets the reporters.
pub(super) const CJK_NOT_NAMES: &[&str] = &["各位", "大家", "记者", "朋友", "媒体", "同志"];

/// Words of speech that no Chinese name holds: thanks, welcome, please,
/// agreement, the speaker and the listener, the words a chair moves on
/// with (`好的 谢谢`, `下面 请提问`, `现在 开始`). A short line under
/// `主持人：` is as often such words as a name, and has a name's length;
/// these tell them apart. (Single characters only where names do not use
/// them: 请, 您, 你.)
pub const CJK_SPEECH_WORDS: &[&str] = &[
    "谢谢", "感谢", "欢迎", "好的", "请", "您", "你", "我们", "你们", "下面", "现在", "今天",
    "问题", "是的", "没有", "还有", "开始", "结束", "提问",
];

/// How Chinese offices end: `部长`, `局长`, `主任`, `新闻发言人`, `总工程师`…
/// (`长` covers every kind of head: 部长, 局长, 司长, 行长, 市长, 秘书长).
pub(super) const CJK_OFFICE_ENDS: &[&str] = &[
    "长",
    "主任",
    "书记",
    "主席",
    "委员",
    "发言人",
    "代表",
    "专员",
    "经理",
    "总裁",
    "总监",
    "顾问",
    "教授",
    "院士",
    "研究员",
    "师",
    "主编",
    "理事",
    "大使",
    "参赞",
    "负责人",
    "专家",
    "秘书",
    "官",
    "主持人",
];

/// Whether `title` reads as a Chinese office: Han characters (at least
/// two) that end in an office word, a parenthesised rank aside
/// (`商务部国际贸易谈判代表（正部长级）`). Used for rosters that print the
/// office before the name, where the office's ending is what tells it from
/// a word of speech.
pub fn is_cjk_office(title: &str) -> bool {
    let mut core = title.trim();
    // "…代表（正部长级）": the rank in brackets is an aside.
    while let Some(open) = core
        .strip_suffix(['）', ')'])
        .and_then(|c| c.rfind(['（', '(']))
    {
        core = core[..open].trim_end();
    }
    core.chars().filter(|&c| is_cjk(c)).count() >= 2
        && core.chars().next().is_some_and(is_cjk)
        && CJK_OFFICE_ENDS.iter().any(|end| core.ends_with(end))
}
