//! stub
use super::Ctx;
/// stub
pub fn main(_: &mut Ctx, _: &[String]) -> i32 { 0 }
/// stub
pub fn dirname(_: &mut Ctx, _: &[String]) -> i32 { 0 }
